package dev.cobra.runtime.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import dev.cobra.runtime.channel.whatsapp.FakeGraphApi;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8, faults "replayed webhooks" and "two instances on one database": two whole runtimes share one MongoDB
 * wire server. WhatsApp: 10% of the webhooks are delivered again, concurrently on the same instance and later on the
 * other one — one turn and
 * one set of replies per message, each debtor's messages in the order sent. Webchat: one conversation is driven
 * through both instances alternately and concurrently — nothing lost, no turn interleaved with another, order
 * kept when the client waits for each answer.
 */
class TwoInstancesFaultTest {

    private static final int DEBTORS = 8;
    private static final int MESSAGES = 10;
    private static final List<String> WORDS = List.of("alfa", "bravo", "charlie", "delta", "eco", "foxtrot", "golf",
            "hotel", "india", "juliet");

    @TempDir
    static Path dataDirs;

    static MongoServer mongo;
    static FakeGraphApi graph;
    static ConfigurableApplicationContext instanceA;
    static ConfigurableApplicationContext instanceB;
    static DatabaseReader database;

    @BeforeAll
    static void start() throws Exception {
        mongo = new MongoServer(H2Backend.inMemory());
        mongo.bind("127.0.0.1", 0);
        String uri = "mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort();
        graph = new FakeGraphApi();
        instanceA = FaultRuntime.start(uri + "/cobra", dataDirs.resolve("a"), graph.baseUrl());
        instanceB = FaultRuntime.start(uri + "/cobra", dataDirs.resolve("b"), graph.baseUrl());
        database = new DatabaseReader(uri, "cobra");
    }

    @AfterAll
    static void stop() {
        for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[]{instanceA, instanceB}) {
            if (instance != null) {
                instance.close();
            }
        }
        if (database != null) {
            database.close();
        }
        if (graph != null) {
            graph.close();
        }
        if (mongo != null) {
            mongo.shutdownNow();
        }
    }

    private static String phone(int debtor) {
        return "5730077" + String.format("%05d", debtor);
    }

    private static String text(int message) {
        return "pregunta " + WORDS.get(message);
    }

    @Test
    void aTenthOfTheWebhooksReplayedConcurrentlyAndOnTheOtherInstanceGiveOneReplyEachInOrder() throws Exception {
        SignedWebhookClient onA = new SignedWebhookClient(FaultRuntime.baseUrl(instanceA), FaultRuntime.APP_SECRET);
        SignedWebhookClient onB = new SignedWebhookClient(FaultRuntime.baseUrl(instanceB), FaultRuntime.APP_SECRET);
        Random random = new Random(8L);
        boolean[][] replayed = new boolean[DEBTORS][MESSAGES];
        int replays = 0;
        while (replays < DEBTORS * MESSAGES / 10) {
            int d = random.nextInt(DEBTORS);
            int m = random.nextInt(MESSAGES);
            if (!replayed[d][m]) {
                replayed[d][m] = true;
                replays++;
            }
        }
        long start = Instant.now().getEpochSecond();
        List<Integer> statuses = new CopyOnWriteArrayList<>();
        List<CompletableFuture<Void>> debtors = new ArrayList<>();
        for (int d = 0; d < DEBTORS; d++) {
            int debtor = d;
            debtors.add(CompletableFuture.runAsync(() -> {
                for (int m = 0; m < MESSAGES; m++) {
                    String body = SignedWebhookClient.textMessage(phone(debtor), "wamid.REPLAY-" + debtor + "-" + m,
                            text(m), start + m);
                    List<CompletableFuture<Integer>> deliveries = new ArrayList<>();
                    deliveries.add(CompletableFuture.supplyAsync(() -> onA.post(body)));
                    if (replayed[debtor][m]) { // Meta delivers the same wamid again at the same time...
                        deliveries.add(CompletableFuture.supplyAsync(() -> onA.post(body)));
                    }
                    deliveries.forEach(f -> statuses.add(f.join()));
                    if (replayed[debtor][m]) { // ...and once more, later, to the other instance
                        statuses.add(onB.post(body));
                    }
                }
            }));
        }
        CompletableFuture.allOf(debtors.toArray(CompletableFuture[]::new)).get(120, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(statuses).hasSize(DEBTORS * MESSAGES + 2 * replays).containsOnly(200);

        awaitDone("^wamid\\.REPLAY", DEBTORS * MESSAGES);
        Thread.sleep(2000); // the outboxes drain
        Map<String, Long> sends = DatabaseReader.sendsPerRecipient(graph.sentBodies());
        for (int d = 0; d < DEBTORS; d++) {
            List<String> transcript = database.whatsappTranscript(phone(d));
            assertThat(transcript.stream().filter(e -> e.startsWith("debtor:")).toList())
                    .as("debtor %d: each message once, in the order sent", d)
                    .containsExactlyElementsOf(IntStream.range(0, MESSAGES).mapToObj(m -> "debtor:" + text(m)).toList());
            long replies = transcript.stream().filter(e -> e.startsWith("bot:")).count();
            assertThat(sends.getOrDefault(phone(d), 0L)).as("Graph API sends to debtor %d = logged replies", d)
                    .isEqualTo(replies);
        }
    }

    private static void awaitDone(String idPattern, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            List<Document> inbound = database.find("whatsapp_inbound", Filters.regex("_id", idPattern));
            long done = inbound.stream().filter(d -> "DONE".equals(d.getString("state"))).count();
            if (inbound.size() == expected && done == expected) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(inbound.size() + " stored, " + done + " done, expected " + expected);
            }
            Thread.sleep(200);
        }
    }

    @Test
    void oneWebchatConversationDrivenThroughBothInstancesLosesNothingAndKeepsEachTurnWhole() {
        WebClient a = WebClient.create(FaultRuntime.baseUrl(instanceA));
        WebClient b = WebClient.create(FaultRuntime.baseUrl(instanceB));
        JsonNode session = a.post().uri("/webchat/api/sessions").bodyValue(Map.of()).retrieve()
                .bodyToMono(JsonNode.class).block(Duration.ofSeconds(30));
        String sessionId = session.get("sessionId").asText();
        String conversationId = session.get("conversationId").asText();
        List<WebClient> roundRobin = List.of(a, b);

        // A client that waits for each answer, its requests spread round-robin: strict order.
        List<String> sequential = IntStream.range(0, 12).mapToObj(i -> "secuencia " + WORDS.get(i % 10) + " " + i / 10).toList();
        for (int i = 0; i < sequential.size(); i++) {
            roundRobin.get(i % 2).post().uri("/webchat/api/sessions/{id}/messages", sessionId)
                    .bodyValue(Map.of("text", sequential.get(i))).retrieve().toBodilessEntity().block(Duration.ofSeconds(30));
        }
        // Then 20 requests in flight at once, half on each instance.
        List<String> concurrent = IntStream.range(0, 20).mapToObj(i -> "rafaga " + WORDS.get(i % 10) + " " + i / 10).toList();
        Map<String, List<String>> answered = new java.util.concurrent.ConcurrentHashMap<>();
        Flux.range(0, concurrent.size())
                .flatMap(i -> roundRobin.get(i % 2).post().uri("/webchat/api/sessions/{id}/messages", sessionId)
                        .bodyValue(Map.of("text", concurrent.get(i))).retrieve().bodyToMono(JsonNode.class)
                        .doOnNext(body -> {
                            List<String> replies = new ArrayList<>();
                            body.get("replies").forEach(r -> replies.add(r.get("text").asText()));
                            answered.put(concurrent.get(i), replies);
                        }), concurrent.size())
                .then().block(Duration.ofSeconds(90));

        List<Document> log = database.find("messages", Filters.eq("conversationId", conversationId));
        log.sort(java.util.Comparator.comparingLong(d -> ((Number) d.get("seq")).longValue()));
        assertThat(log).extracting(d -> ((Number) d.get("seq")).longValue())
                .as("no seq skipped or written twice").doesNotHaveDuplicates();
        List<String> said = log.stream().filter(d -> "debtor".equals(d.getString("from"))).map(d -> d.getString("text")).toList();
        assertThat(said.subList(0, sequential.size())).containsExactlyElementsOf(sequential);
        assertThat(said.subList(sequential.size(), said.size())).containsExactlyInAnyOrderElementsOf(concurrent);
        for (int i = 0; i < log.size(); i++) {
            String text = log.get(i).getString("text");
            if (!"debtor".equals(log.get(i).getString("from")) || !answered.containsKey(text)) {
                continue;
            }
            List<String> following = new ArrayList<>();
            for (int j = i + 1; j < log.size() && !"debtor".equals(log.get(j).getString("from")); j++) {
                following.add(log.get(j).getString("text"));
            }
            assertThat(following).as("replies logged right after '%s'", text).isEqualTo(answered.get(text));
        }
    }
}

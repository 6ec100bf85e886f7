package dev.cobra.runtime.faults;

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

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8, fault "the database stops under load": WhatsApp users keep writing while the runtime's database is
 * unreachable for {@code cobra.fault.outage-seconds} (10 s by default so the test stays short; 30 s with
 * {@code -Dcobra.fault.outage-seconds=30}). The webhook must answer 200 (stored) or 503 (Meta delivers again),
 * never 500; the senders retry 503s like Meta; afterwards every message is processed exactly once, in each
 * user's order, and each reply reaches the Graph API once.
 */
class DatabaseOutageTest {

    private static final int USERS = 6;
    private static final int MESSAGES_PER_USER = 10;
    private static final List<String> WORDS = List.of("alfa", "bravo", "charlie", "delta", "eco", "foxtrot", "golf",
            "hotel", "india", "juliet", "kilo", "lima");
    private static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("cobra.fault.outage-seconds", 10));

    @TempDir
    static Path dataDir;

    static MongoServer mongo;
    static TcpProxy proxy;
    static FakeGraphApi graph;
    static ConfigurableApplicationContext runtime;
    static DatabaseReader database;

    @BeforeAll
    static void start() throws Exception {
        mongo = new MongoServer(H2Backend.inMemory());
        mongo.bind("127.0.0.1", 0);
        var address = mongo.getLocalAddress();
        proxy = new TcpProxy(address);
        graph = new FakeGraphApi();
        // Short driver timeouts, as production should set them: a webhook must get its 503 well before Meta gives up.
        runtime = FaultRuntime.start("mongodb://127.0.0.1:" + proxy.port()
                        + "/cobra?serverSelectionTimeoutMS=2000&connectTimeoutMS=1000&socketTimeoutMS=5000",
                dataDir, graph.baseUrl(), "--whatsapp.outbox.claim-timeout=PT30S",
                "--whatsapp.outbox.in-doubt-grace=PT5S"); // a lost claim: 30 s stale, then 5 s in doubt (no webhooks)
        database = new DatabaseReader("mongodb://127.0.0.1:" + address.getPort(), "cobra");
    }

    @AfterAll
    static void stop() {
        if (runtime != null) {
            runtime.close();
        }
        if (database != null) {
            database.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (graph != null) {
            graph.close();
        }
        if (mongo != null) {
            mongo.shutdownNow();
        }
    }

    private static String phone(int user) {
        return "5730055" + String.format("%05d", user);
    }

    private static String text(int message) {
        return "consulta " + WORDS.get(message);
    }

    @Test
    void webhooksAnswer503WhileTheDatabaseIsDownAndEveryAcceptedMessageIsProcessedOnceAfterwards() throws Exception {
        SignedWebhookClient webhooks = new SignedWebhookClient(FaultRuntime.baseUrl(runtime), FaultRuntime.APP_SECRET);
        List<Integer> statuses = new CopyOnWriteArrayList<>();
        Map<String, Integer> attempts = new ConcurrentHashMap<>();
        long start = Instant.now().getEpochSecond();
        List<Thread> users = new ArrayList<>();
        for (int u = 0; u < USERS; u++) {
            int user = u;
            Thread thread = new Thread(() -> {
                for (int m = 0; m < MESSAGES_PER_USER; m++) {
                    String wamid = "wamid.OUTAGE-" + user + "-" + m;
                    String body = SignedWebhookClient.textMessage(phone(user), wamid, text(m), start + m);
                    long giveUp = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                    int status;
                    do { // like Meta: deliver again until a 200
                        status = webhooks.post(body);
                        statuses.add(status);
                        attempts.merge(wamid, 1, Integer::sum);
                        if (status != 200) {
                            sleep(1000);
                        }
                    } while (status != 200 && System.nanoTime() < giveUp);
                    sleep(300);
                }
            });
            thread.start();
            users.add(thread);
        }
        sleep(1500);
        proxy.cut();
        sleep(OUTAGE.toMillis());
        proxy.restore();
        for (Thread user : users) {
            user.join(Duration.ofSeconds(150).toMillis());
        }

        assertThat(statuses).as("webhook answers during and around the outage").containsOnly(200, 503).contains(503);
        assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo((long) USERS * MESSAGES_PER_USER);

        awaitAllDone(Duration.ofSeconds(90));
        for (int u = 0; u < USERS; u++) {
            List<String> transcript = database.whatsappTranscript(phone(u));
            List<String> said = transcript.stream().filter(e -> e.startsWith("debtor:")).toList();
            int user = u;
            assertThat(said).as("messages of user %d in the log, once each and in order", u)
                    .containsExactlyElementsOf(java.util.stream.IntStream.range(0, MESSAGES_PER_USER)
                            .mapToObj(m -> "debtor:" + text(m)).toList());
            long botReplies = transcript.stream().filter(e -> e.startsWith("bot:")).count();
            assertThat(botReplies).as("user %d got answers", user).isPositive();
            awaitSends(phone(u), botReplies);
        }
    }

    @Test
    void turnsRunningWhenTheDatabaseStopsAreRetriedInOrderOnceItIsBack() throws Exception {
        // One webhook carrying many messages of one user: their turns run one after another, so the cut right
        // after the 200 catches turns in flight. They must be retried in the user's order, each exactly once.
        String phone = "573009990001";
        int count = 30;
        long start = Instant.now().getEpochSecond();
        StringBuilder messages = new StringBuilder();
        for (int m = 0; m < count; m++) {
            messages.append(m == 0 ? "" : ",").append("{\"from\":\"").append(phone).append("\",\"id\":\"wamid.INFLIGHT-")
                    .append(m).append("\",\"timestamp\":\"").append(start + m).append("\",\"type\":\"text\",\"text\":{\"body\":\"pregunta ")
                    .append(WORDS.get(m % WORDS.size())).append(' ').append(WORDS.get(m / WORDS.size())).append("\"}}");
        }
        String body = """
                {"object":"whatsapp_business_account","entry":[{"id":"WABA","changes":[{"field":"messages","value":{\
                "messaging_product":"whatsapp","metadata":{"phone_number_id":"PNID"},\
                "contacts":[{"profile":{"name":"Cliente"},"wa_id":"%s"}],"messages":[%s]}}]}]}""".formatted(phone, messages);
        SignedWebhookClient webhooks = new SignedWebhookClient(FaultRuntime.baseUrl(runtime), FaultRuntime.APP_SECRET);
        assertThat(webhooks.post(body)).isEqualTo(200);
        proxy.cut();
        sleep(Duration.ofSeconds(5).toMillis());
        long doneWhileCut = database.find("whatsapp_inbound", Filters.and(Filters.regex("_id", "^wamid\\.INFLIGHT"),
                Filters.eq("state", "DONE"))).size();
        proxy.restore();

        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (database.find("whatsapp_inbound", Filters.and(Filters.regex("_id", "^wamid\\.INFLIGHT"),
                Filters.eq("state", "DONE"))).size() < count) {
            assertThat(System.nanoTime()).as("all in-flight messages processed after the outage").isLessThan(deadline);
            Thread.sleep(250);
        }
        assertThat(doneWhileCut).as("turns were still running when the database stopped").isLessThan(count);
        List<String> transcript = database.whatsappTranscript(phone);
        assertThat(transcript.stream().filter(e -> e.startsWith("debtor:")).toList())
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, count).mapToObj(m -> "debtor:pregunta "
                        + WORDS.get(m % WORDS.size()) + " " + WORDS.get(m / WORDS.size())).toList());
        long botReplies = transcript.stream().filter(e -> e.startsWith("bot:")).count();
        awaitSends(phone, botReplies);
    }

    /**
     * Replies claimed when the connection dropped are released after the claim timeout (30 s here, so that
     * recording a send outlasts the 10 s outage: it is retried for half the claim timeout), then sent.
     */
    private static void awaitSends(String phone, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(70).toNanos();
        while (DatabaseReader.sendsPerRecipient(graph.sentBodies()).getOrDefault(phone, 0L) < expected
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        Thread.sleep(500); // nothing more may follow
        assertThat(DatabaseReader.sendsPerRecipient(graph.sentBodies()).getOrDefault(phone, 0L))
                .as("Graph API sends to %s = logged replies", phone).isEqualTo(expected);
    }

    private static void awaitAllDone(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<Document> inbound = database.find("whatsapp_inbound", Filters.regex("_id", "^wamid\\.OUTAGE"));
            Map<String, Long> states = inbound.stream()
                    .collect(Collectors.groupingBy(d -> d.getString("state"), Collectors.counting()));
            if (inbound.size() == USERS * MESSAGES_PER_USER && states.getOrDefault("DONE", 0L) == inbound.size()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("inbound messages not all processed: " + inbound.size() + " stored, states " + states);
            }
            Thread.sleep(250);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package dev.cobra.runtime.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import dev.cobra.runtime.channel.whatsapp.FakeGraphApi;
import dev.cobra.runtime.channel.whatsapp.WebhookSignature;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8, fault "fuzzed input": a few hundred seeded, correctly signed webhook bodies (random JSON trees,
 * wrong types, no sender, not JSON, invalid UTF-8, deep nesting, huge fields) and webchat messages must never
 * give a 5xx; the invalid ones store nothing (inbound, conversations, message log unchanged), and odd but
 * well-formed messages (strange timestamps, huge or unusual text) are taken exactly once.
 */
class FuzzedInputTest {

    private static final long SEED = 20261129L;
    private static final int WEBHOOK_CASES = 240;
    private static final int WEBCHAT_CASES = 80;

    @TempDir
    static Path dataDir;

    static MongoServer mongo;
    static FakeGraphApi graph;
    static ConfigurableApplicationContext runtime;
    static DatabaseReader database;
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        mongo = new MongoServer(H2Backend.inMemory());
        mongo.bind("127.0.0.1", 0);
        String uri = "mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort();
        graph = new FakeGraphApi();
        runtime = FaultRuntime.start(uri + "/cobra", dataDir, graph.baseUrl());
        database = new DatabaseReader(uri, "cobra");
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable closeable : new AutoCloseable[]{database, graph}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception ignored) {
                // best effort
            }
        }
        if (runtime != null) {
            runtime.close();
        }
        if (mongo != null) {
            mongo.shutdownNow();
        }
    }

    private record Case(String kind, byte[] body) {
    }

    private static String envelope(String messages) {
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"WABA","changes":[{"field":"messages","value":{\
                "messaging_product":"whatsapp","metadata":{"phone_number_id":"PNID"},\
                "contacts":[{"profile":{"name":"Ana"},"wa_id":"573001112233"}],"messages":[%s]}}]}]}""".formatted(messages);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Invalid webhook bodies: none of them carries a message Cobra can answer. */
    private static List<Case> invalidWebhooks(RandomPayloads random) {
        List<Case> cases = new ArrayList<>();
        String good = "{\"from\":\"573001112233\",\"id\":\"wamid.X\",\"timestamp\":\"1764400000\",\"type\":\"text\",\"text\":{\"body\":\"hola\"}}";
        List<Supplier<Case>> kinds = List.of(
                () -> new Case("random JSON", utf8(RandomPayloads.json(random.randomTree(0)))),
                () -> {
                    ObjectNode message = (ObjectNode) readTree(good);
                    JsonNode[] wrongIds = {null, RandomPayloads.JSON.nullNode(), RandomPayloads.JSON.getNodeFactory().textNode(""),
                            RandomPayloads.JSON.createObjectNode().put("x", 1), RandomPayloads.JSON.createArrayNode().add(1)};
                    JsonNode id = wrongIds[random.random().nextInt(wrongIds.length)];
                    if (id == null) {
                        message.remove("id");
                    } else {
                        message.set("id", id);
                    }
                    return new Case("message id missing or of a wrong type", utf8(envelope(RandomPayloads.json(message))));
                },
                () -> new Case("message without any sender", utf8(envelope(good).replace("\"from\":\"573001112233\",", "")
                        .replace("{\"profile\":{\"name\":\"Ana\"},\"wa_id\":\"573001112233\"}", ""))),
                () -> {
                    String[] wrong = {"\"x\"", "5", "true", "{}", "null"};
                    String value = wrong[random.random().nextInt(wrong.length)];
                    String[] shapes = {
                            envelope(good).replace("\"messages\":[" + good + "]", "\"messages\":" + value),
                            "{\"object\":\"whatsapp_business_account\",\"entry\":" + value + "}",
                            "{\"entry\":[{\"changes\":" + value + "}]}",
                            "{\"entry\":[{\"changes\":[{\"value\":" + value + "}]}]}"};
                    return new Case("envelope part of a wrong type", utf8(shapes[random.random().nextInt(shapes.length)]));
                },
                () -> new Case("random bytes", random.randomBytes(1 + random.random().nextInt(2000))),
                () -> {
                    String whole = envelope(good);
                    return new Case("truncated JSON", utf8(whole.substring(0, 1 + random.random().nextInt(whole.length() - 2))));
                },
                () -> new Case("invalid UTF-8 in a string", RandomPayloads.withInvalidUtf8(envelope(good), "hola")),
                () -> new Case("deep nesting", utf8(random.random().nextBoolean()
                        ? RandomPayloads.deepArrays(1500 + random.random().nextInt(5000))
                        : RandomPayloads.deepObjects(1500 + random.random().nextInt(5000)))),
                () -> new Case("deep nesting inside a message", utf8(envelope(good.replace("\"id\":\"wamid.X\",", "")
                        .replace("\"hola\"", RandomPayloads.deepArrays(500))))),
                () -> new Case("huge field, no id", utf8(envelope(good.replace("\"id\":\"wamid.X\",", "")
                        .replace("hola", "a".repeat(100_000 + random.random().nextInt(400_000)))))));
        for (int i = 0; i < WEBHOOK_CASES; i++) {
            cases.add(kinds.get(i % kinds.size()).get());
        }
        return cases;
    }

    /** Odd but well-formed messages: each must be taken once (200, stored). */
    private static List<Case> oddWebhooks() {
        List<Case> cases = new ArrayList<>();
        String[] timestamps = {"\"abc\"", "\"99999999999999999999\"", "\"31556889864403199\"", "\"-5\"", "1e300", "null",
                "\"\"", "{}"};
        for (int i = 0; i < timestamps.length; i++) {
            cases.add(new Case("timestamp " + timestamps[i], utf8(envelope("{\"from\":\"573001112233\",\"id\":\"wamid.ODD-T" + i
                    + "\",\"timestamp\":" + timestamps[i] + ",\"type\":\"text\",\"text\":{\"body\":\"hola\"}}"))));
        }
        long now = Instant.now().getEpochSecond();
        cases.add(new Case("100 kB text", utf8(envelope("{\"from\":\"573001112233\",\"id\":\"wamid.ODD-BIG\",\"timestamp\":\""
                + now + "\",\"type\":\"text\",\"text\":{\"body\":\"" + "b".repeat(100_000) + "\"}}"))));
        cases.add(new Case("unknown type", utf8(envelope("{\"from\":\"573001112233\",\"id\":\"wamid.ODD-TYPE\",\"timestamp\":\""
                + now + "\",\"type\":\"hologram\"}"))));
        cases.add(new Case("number as sender", utf8(envelope("{\"from\":573001112233,\"id\":\"wamid.ODD-NUM\",\"timestamp\":\""
                + now + "\",\"type\":\"text\",\"text\":{\"body\":\"hola\"}}"))));
        cases.add(new Case("text body of a wrong type", utf8(envelope("{\"from\":\"573001112233\",\"id\":\"wamid.ODD-BODY\",\"timestamp\":\""
                + now + "\",\"type\":\"text\",\"text\":{\"body\":{\"x\":[1,2]}}}"))));
        return cases;
    }

    private static JsonNode readTree(String json) {
        try {
            return RandomPayloads.JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int post(String path, byte[] body, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(FaultRuntime.baseUrl(runtime) + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header("X-Hub-Signature-256", signature);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static int webhook(byte[] body) throws Exception {
        return post("/webhooks/whatsapp", body, WebhookSignature.sign(FaultRuntime.APP_SECRET, body));
    }

    private static long[] counts() {
        return new long[]{database.count("whatsapp_inbound"), database.count("conversations"), database.count("messages")};
    }

    @Test
    void fuzzedWebhooksNeverGiveA5xxAndTheInvalidOnesStoreNothing() throws Exception {
        RandomPayloads random = new RandomPayloads(SEED);
        long[] before = counts();
        List<String> failures = new ArrayList<>();
        for (Case c : invalidWebhooks(random)) {
            int status = webhook(c.body());
            if (status != 200 && status != 400 && status != 413) {
                failures.add(c.kind() + " -> " + status);
            }
        }
        assertThat(failures).as("invalid webhooks answered with something else than 200/400/413").isEmpty();
        Thread.sleep(1000); // anything wrongly accepted would be processed by now
        assertThat(counts()).as("inbound, conversations, messages after invalid webhooks").containsExactly(before);

        List<Case> odd = oddWebhooks();
        for (Case c : odd) {
            assertThat(webhook(c.body())).as(c.kind()).isEqualTo(200);
            assertThat(webhook(c.body())).as(c.kind() + ", delivered again").isEqualTo(200);
        }
        assertThat(database.find("whatsapp_inbound", Filters.regex("_id", "^wamid\\.ODD"))).hasSize(odd.size());
        awaitProcessed(odd.size());
    }

    private static void awaitProcessed(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (database.find("whatsapp_inbound", Filters.and(Filters.regex("_id", "^wamid\\.ODD"),
                Filters.eq("state", "DONE"))).size() < expected) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("odd messages not all processed: "
                        + database.find("whatsapp_inbound", Filters.regex("_id", "^wamid\\.ODD")).stream()
                        .map(d -> d.getString("_id") + "=" + d.getString("state")).toList());
            }
            Thread.sleep(200);
        }
    }

    @Test
    void fuzzedWebchatMessagesNeverGiveA5xxAndTheInvalidOnesStoreNothing() throws Exception {
        RandomPayloads random = new RandomPayloads(SEED + 1);
        JsonNode session = readTree(send("/webchat/api/sessions", utf8("{}")).body());
        String path = "/webchat/api/sessions/" + session.get("sessionId").asText() + "/messages";
        String conversationId = session.get("conversationId").asText();
        int logged = database.find("messages", Filters.eq("conversationId", conversationId)).size();

        List<Supplier<byte[]>> kinds = List.of(
                () -> utf8(RandomPayloads.json(random.randomTree(0)).replace("\"text\"", "\"tx\"")),
                () -> random.randomBytes(1 + random.random().nextInt(500)),
                () -> RandomPayloads.withInvalidUtf8("{\"text\":\"hola\"}", "hola"),
                () -> utf8("{\"text\":" + (random.random().nextBoolean() ? "{\"a\":1}" : "[\"a\"]") + "}"),
                () -> utf8(random.random().nextBoolean() ? RandomPayloads.deepArrays(3000) : "{\"text\":" + RandomPayloads.deepObjects(3000) + "}"),
                () -> utf8("{\"text\":\"" + "x".repeat(4097 + random.random().nextInt(300_000)) + "\"}"),
                () -> utf8(random.random().nextBoolean() ? "{\"text\":\"\"}" : "{\"text\":null,\"optionId\":null}"),
                () -> utf8("{\"optionId\":\"" + "o".repeat(101 + random.random().nextInt(1000)) + "\"}"));
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < WEBCHAT_CASES; i++) {
            int status = send(path, kinds.get(i % kinds.size()).get()).statusCode();
            if (status < 400 || status >= 500) {
                failures.add("kind " + (i % kinds.size()) + " -> " + status);
            }
        }
        assertThat(failures).as("invalid webchat messages not refused with a 4xx").isEmpty();
        assertThat(database.find("messages", Filters.eq("conversationId", conversationId))).hasSize(logged);

        for (String odd : List.of("{\"text\":123}", "{\"text\":\"😀 ñandú \\u0000 <b>\"}",
                "{\"text\":\"" + "y".repeat(4096) + "\",\"extra\":[1,2,3]}")) {
            assertThat(send(path, utf8(odd)).statusCode()).as(odd.substring(0, Math.min(40, odd.length()))).isEqualTo(200);
        }
        long debtorEntries = database.find("messages", Filters.and(Filters.eq("conversationId", conversationId),
                Filters.eq("from", "debtor"))).size();
        assertThat(debtorEntries).as("each odd but valid message logged once").isEqualTo(3);
    }

    private static HttpResponse<String> send(String path, byte[] body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(FaultRuntime.baseUrl(runtime) + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}

package dev.cobra.runtime.channel.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Load benchmark of signed webhooks through the whole application (real engine and NLU, embedded database, the
 * outbox and a local Graph API): messages/s processed and latency from the webhook's receipt to the first
 * outbound request of the answer. Opt-in ({@code -Dcobra.benchmark=true}); results go to docs/benchmarks.md.
 */
@EnabledIfSystemProperty(named = "cobra.benchmark", matches = "true")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bot.demo.enabled=false", "bot.admin.password=test-admin", "whatsapp.app-secret=bench-secret",
        "whatsapp.access-token=test-token", "whatsapp.phone-number-id=PNID", "whatsapp.messages-per-second=1000",
        "whatsapp.outbox.poll-interval=PT0.05S", "logging.level.dev.cobra=WARN"})
class WhatsAppWebhookBenchmark {

    private static final int USERS = Integer.getInteger("cobra.benchmark.users", 400);
    private static final int CLIENT_CONCURRENCY = 16;

    @TempDir
    static Path dataDir;

    static FakeGraphApi graph;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        graph = new FakeGraphApi();
        registry.add("bot.data-dir", () -> dataDir.toString());
        registry.add("whatsapp.graph-api-url", graph::baseUrl);
    }

    @AfterAll
    static void stop() {
        graph.close();
    }

    @LocalServerPort
    int port;

    @Test
    void signedWebhooksPerSecondAndLatencyToTheFirstOutboundRequest() throws Exception {
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(CLIENT_CONCURRENCY)).build();
        Map<String, Long> postedAt = new ConcurrentHashMap<>();
        warmUp(http);
        graph.messages.clear();

        ExecutorService pool = Executors.newFixedThreadPool(CLIENT_CONCURRENCY);
        long start = System.nanoTime();
        for (int i = 0; i < USERS; i++) {
            String phone = "5731" + String.format("%08d", i);
            pool.submit(() -> {
                String body = payload(phone, "wamid.BENCH" + phone, "hola");
                postedAt.put(phone, System.nanoTime());
                int status = post(http, body);
                assertThat(status).isEqualTo(200);
                return null;
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
        long acceptedNanos = System.nanoTime() - start;
        WhatsAppRig.await("an answer to every user", Duration.ofMinutes(5), () -> firstReplies().size() >= USERS);
        Map<String, Long> first = firstReplies();
        long end = Collections.max(first.values());
        List<Long> latencies = new ArrayList<>();
        first.forEach((phone, at) -> latencies.add(at - postedAt.get(phone)));
        Collections.sort(latencies);
        double seconds = (end - start) / 1e9;
        System.out.printf("BENCHMARK users=%d accepted_in=%.2fs all_answered_in=%.2fs processed_per_s=%.1f "
                        + "p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f max_ms=%.1f outbound_requests=%d%n",
                USERS, acceptedNanos / 1e9, seconds, USERS / seconds, pct(latencies, 50), pct(latencies, 90),
                pct(latencies, 99), latencies.get(latencies.size() - 1) / 1e6, graph.messages.size());
    }

    private void warmUp(HttpClient http) throws Exception {
        for (int i = 0; i < 20; i++) {
            post(http, payload("57399" + String.format("%08d", i), "wamid.WARM" + i, "hola"));
        }
        WhatsAppRig.await("warm-up answered", Duration.ofMinutes(2), () -> graph.messages.stream()
                .map(r -> r.body().path("to").asText()).filter(to -> to.startsWith("57399")).distinct().count() >= 20);
    }

    private Map<String, Long> firstReplies() {
        Map<String, Long> first = new ConcurrentHashMap<>();
        for (FakeGraphApi.Request request : graph.messages) {
            JsonNode to = request.body().path("to");
            if (to.asText("").startsWith("5731")) {
                first.merge(to.asText(), request.receivedNanos(), Math::min);
            }
        }
        return first;
    }

    private static double pct(List<Long> sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }

    private int post(HttpClient http, String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/whatsapp"))
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", WebhookSignature.sign("bench-secret", bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String payload(String phone, String wamid, String text) {
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"WABA","changes":[{"field":"messages","value":{
                 "messaging_product":"whatsapp","metadata":{"phone_number_id":"PNID"},
                 "contacts":[{"profile":{"name":"U"},"wa_id":"%s"}],
                 "messages":[{"from":"%s","id":"%s","timestamp":"%d","type":"text","text":{"body":"%s"}}]}}]}]}"""
                .formatted(phone, phone, wamid, Instant.now().getEpochSecond(), text);
    }
}

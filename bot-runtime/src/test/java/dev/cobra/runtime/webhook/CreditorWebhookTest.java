package dev.cobra.runtime.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.cobra.runtime.collections.OperationsRuntimeTest;
import dev.cobra.runtime.conversation.WebchatDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Creditor webhooks: configured by an admin, each event of a conversation POSTed with a valid HMAC-SHA256
 * signature, a failed delivery retried with backoff until it succeeds, and every attempt in the delivery log.
 */
class CreditorWebhookTest extends OperationsRuntimeTest {

    private static final String SECRET = "creditor-webhook-secret-1";
    private static final ObjectMapper JSON = new ObjectMapper();

    record Received(String signature, String event, String delivery, byte[] body, int answered) {
    }

    private HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void eventsAreSignedRetriedAndLogged() throws Exception {
        AtomicInteger failuresLeft = new AtomicInteger(1);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hooks", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            JsonNode event = JSON.readTree(body);
            boolean fail = "payment_link_sent".equals(event.path("type").asText()) && failuresLeft.getAndDecrement() > 0;
            int status = fail ? 500 : 204;
            received.add(new Received(exchange.getRequestHeaders().getFirst("X-Cobra-Signature"),
                    exchange.getRequestHeaders().getFirst("X-Cobra-Event"),
                    exchange.getRequestHeaders().getFirst("X-Cobra-Delivery"), body, status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
        WebchatDriver chat = chat();

        chat.admin().put().uri("/api/webhooks/settings").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("url", "not a url", "secret", SECRET)).exchange().expectStatus().isBadRequest();
        chat.admin().put().uri("/api/webhooks/settings").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("url", url, "secret", "short")).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").isEqualTo("invalid_secret");
        chat.admin().put().uri("/api/webhooks/settings").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("url", url, "secret", SECRET, "enabled", true)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.secretSet").isEqualTo(true).jsonPath("$.secret").doesNotExist();

        chat.loadDebtor(WebchatDriver.defaultDebtor("D-HOOK-1", WebchatDriver.today(), Map.of("phone", "+573007770001")));
        WebchatDriver.Session session = chat.open(chat.token("D-HOOK-1"));
        chat.say(session, "1234");
        chat.choose(session, "pay_now");

        awaitOk("payment_link_sent");
        awaitOk("conversation_closed");
        List<Received> links = received.stream().filter(r -> "payment_link_sent".equals(r.event())).toList();
        assertThat(links).hasSize(2);
        assertThat(links.get(0).answered()).isEqualTo(500);
        assertThat(links.get(1).answered()).isEqualTo(204);
        assertThat(links.get(0).delivery()).isEqualTo(links.get(1).delivery());
        for (Received r : received) {
            assertThat(r.signature()).isEqualTo(WebhookSignature.sign(SECRET, r.body()));
        }
        JsonNode event = JSON.readTree(links.get(1).body());
        assertThat(event.path("debtorId").asText()).isEqualTo("D-HOOK-1");
        assertThat(event.path("conversationId").asText()).isEqualTo(session.conversationId());
        assertThat(event.path("data").path("amount").asText()).isEqualTo("1250000");

        Thread.sleep(1000);
        assertThat(received.stream().filter(r -> "payment_link_sent".equals(r.event())).count())
                .as("a delivered event is not sent again").isEqualTo(2);
        JsonNode log = chat.admin().get().uri("/api/webhooks/deliveries?limit=100").exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        long attempts = 0;
        for (JsonNode entry : log) {
            if (links.get(0).delivery().equals(entry.path("eventId").asText())) {
                attempts++;
            }
        }
        assertThat(attempts).isEqualTo(2);
    }

    private void awaitOk(String type) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (received.stream().noneMatch(r -> type.equals(r.event()) && r.answered() < 300)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no successful delivery of " + type + "; received " + received.stream()
                        .map(r -> r.event() + ":" + r.answered()).toList());
            }
            Thread.sleep(50);
        }
    }
}

package dev.cobra.runtime.channel.whatsapp.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cobra.runtime.channel.whatsapp.WhatsAppOutbox;
import dev.cobra.runtime.channel.whatsapp.WhatsAppStatusStore;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator wired to the product as documented: the product's Graph API URL points at the simulator, a
 * message typed on the simulated phone goes through the real signed webhook, and the product's answer shows up
 * in the simulator's record.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
        "bot.demo.enabled=false", "bot.admin.password=test-admin", "whatsapp.simulator.enabled=true",
        "whatsapp.app-secret=sim-secret", "whatsapp.access-token=sim-token", "whatsapp.phone-number-id=SIM",
        "whatsapp.outbox.poll-interval=PT0.05S"})
class WhatsAppSimulatorTest {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        registry.add("server.port", () -> port);
        registry.add("bot.data-dir", () -> dataDir.toString());
        registry.add("whatsapp.graph-api-url", () -> "http://127.0.0.1:" + port + "/simulator/whatsapp/graph/v21.0");
    }

    @Autowired
    WebTestClient client;

    @Autowired
    WhatsAppStatusStore statuses;

    @Autowired
    WhatsAppOutbox outbox;

    @Test
    void aMessageTypedOnTheSimulatedPhoneIsAnsweredAndTheAnswerIsShown() throws Exception {
        client.post().uri("/api/debtors").headers(h -> h.setBasicAuth("admin", "test-admin"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("""
                        [{"id":"D-SIM","name":"Rosa Díaz","phone":"+573007770000","locale":"es-CO",
                          "timezone":"America/Bogota","country":"CO","documentLast4":"2468",
                          "debts":[{"id":"L-1","product":"Tarjeta","balance":300000,"currency":"COP","dueDate":"%s"}]}]"""
                        .formatted(dev.cobra.runtime.conversation.WebchatDriver.today().minusDays(5)))
                .exchange().expectStatus().is2xxSuccessful();

        client.post().uri("/simulator/whatsapp/api/send").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"from\":\"573007770000\",\"text\":\"hola\"}")
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.webhookStatus").isEqualTo(200);

        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JsonNode sent = null;
        while (System.nanoTime() < deadline) {
            sent = client.get().uri("/simulator/whatsapp/api/sent?after=0").exchange().expectStatus().isOk()
                    .expectBody(JsonNode.class).returnResult().getResponseBody();
            if (sent != null && sent.size() > 0) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(sent).isNotNull();
        assertThat(sent.size()).isPositive();
        JsonNode first = sent.get(0).path("body");
        assertThat(first.path("to").asText()).isEqualTo("573007770000");
        assertThat(first.toString()).contains("Rosa");

        // Like Meta, the simulator follows the accepted message with signed status webhooks echoing the outbox id.
        String wamid = sent.get(0).path("wamid").asText();
        String outboxId = first.path("biz_opaque_callback_data").asText();
        assertThat(outboxId).hasSize(24);
        Document status = null;
        while (System.nanoTime() < deadline + Duration.ofSeconds(10).toNanos()) {
            status = statuses.find(wamid).block(Duration.ofSeconds(5));
            if (status != null && status.getInteger("rank", 0) >= 2) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(status).isNotNull();
        assertThat(statuses.currentStatus(wamid).block(Duration.ofSeconds(5))).isEqualTo("delivered");
        assertThat(status.getString("outboxId")).isEqualTo(outboxId);
        assertThat(outbox.findById(new ObjectId(outboxId)).block(Duration.ofSeconds(5)).getString("wamid"))
                .isEqualTo(wamid);

        client.get().uri("/simulator/whatsapp/").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML);
    }
}

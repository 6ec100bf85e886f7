package dev.cobra.runtime.channel.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole application (real engine, real NLU, embedded database) behind the signed webhook, with a local
 * HTTP server playing the Graph API: a debtor writes on WhatsApp, verifies, picks "pay now" from the list and
 * gets a payment link; a redelivered webhook gives no second answer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bot.demo.enabled=false", "bot.admin.password=test-admin",
        "bot.public-url=https://cobra.example",
        "whatsapp.app-secret=e2e-secret", "whatsapp.verify-token=e2e-verify", "whatsapp.access-token=test-token",
        "whatsapp.phone-number-id=PNID", "whatsapp.outbox.poll-interval=PT0.05S"})
class WhatsAppEndToEndTest {

    private static final String PHONE = "573005550101";

    @TempDir
    static Path dataDir;

    static FakeGraphApi graph;

    @BeforeAll
    static void startGraph() throws Exception {
        graph = new FakeGraphApi();
    }

    @AfterAll
    static void stopGraph() {
        graph.close();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        if (graph == null) {
            graph = new FakeGraphApi();
        }
        registry.add("bot.data-dir", () -> dataDir.toString());
        registry.add("whatsapp.graph-api-url", graph::baseUrl);
    }

    @Autowired
    WebTestClient client;

    private int messageCounter;

    private List<JsonNode> sentTo(String to) {
        return graph.messages.stream().map(FakeGraphApi.Request::body)
                .filter(b -> to.equals(b.path("to").asText(null))).toList();
    }

    private String webhook(String typeAndContent) {
        String id = "wamid.E2E" + (++messageCounter);
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"WABA","changes":[{"field":"messages","value":{
                 "messaging_product":"whatsapp","metadata":{"display_phone_number":"15550001111","phone_number_id":"PNID"},
                 "contacts":[{"profile":{"name":"Marta"},"wa_id":"%s","user_id":"CO.998877"}],
                 "messages":[{"from":"%s","id":"%s","timestamp":"%d",%s}]}}]}]}"""
                .formatted(PHONE, PHONE, id, Instant.now().getEpochSecond(), typeAndContent);
    }

    private void post(String body) {
        client.post().uri("/webhooks/whatsapp").contentType(MediaType.APPLICATION_JSON)
                .header("X-Hub-Signature-256", WebhookSignature.sign("e2e-secret", body.getBytes(StandardCharsets.UTF_8)))
                .bodyValue(body.getBytes(StandardCharsets.UTF_8))
                .exchange().expectStatus().isOk();
    }

    private List<JsonNode> awaitNewReplies(int before) throws InterruptedException {
        WhatsAppRig.await("replies", Duration.ofSeconds(20), () -> sentTo(PHONE).size() > before);
        Thread.sleep(700); // the rest of the turn's messages
        return new ArrayList<>(sentTo(PHONE).subList(before, sentTo(PHONE).size()));
    }

    private static String allText(List<JsonNode> messages) {
        StringBuilder text = new StringBuilder();
        for (JsonNode m : messages) {
            text.append(m.path("text").path("body").asText("")).append(m.path("interactive").path("body").path("text").asText(""))
                    .append('\n');
        }
        return text.toString();
    }

    @Test
    void theTemplateRegistryIsFilledByHandAndGuardedByRole() {
        client.put().uri("/api/whatsapp/templates").headers(h -> h.setBasicAuth("admin", "test-admin"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"cobro_recordatorio\",\"language\":\"es\",\"category\":\"utility\","
                        + "\"status\":\"APPROVED\",\"body\":\"Hola {{1}}, tienes un pago pendiente.\"}")
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.parameters").isEqualTo(1);
        client.put().uri("/api/whatsapp/templates").headers(h -> h.setBasicAuth("admin", "test-admin"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\":\"Mal Nombre\",\"language\":\"es\"}")
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.error").isEqualTo("invalid_template");
        client.get().uri("/api/whatsapp/templates").headers(h -> h.setBasicAuth("admin", "test-admin"))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$[0].name").isEqualTo("cobro_recordatorio");
        client.get().uri("/api/whatsapp/templates").exchange().expectStatus().isUnauthorized();
        client.post().uri("/api/whatsapp/templates/sync").headers(h -> h.setBasicAuth("admin", "test-admin"))
                .exchange().expectStatus().isEqualTo(503).expectBody().jsonPath("$.error").isEqualTo("not_configured");
    }

    @Test
    void aDebtorVerifiesChoosesPayNowFromTheMenuAndGetsAPaymentLinkOnWhatsApp() throws Exception {
        client.post().uri("/api/debtors").headers(h -> h.setBasicAuth("admin", "test-admin"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("""
                        [{"id":"D-WA","name":"Marta Ruiz","phone":"+%s","locale":"es-CO","timezone":"America/Bogota",
                          "country":"CO","documentLast4":"4321",
                          "consent":{"whatsapp":{"optedIn":true,"at":"2026-10-01T10:00:00Z","source":"web"}},
                          "debts":[{"id":"L-9","product":"Préstamo","balance":480000,"currency":"COP","dueDate":"%s"}]}]"""
                        .formatted(PHONE, dev.cobra.runtime.conversation.WebchatDriver.today().minusDays(12)))
                .exchange().expectStatus().is2xxSuccessful();

        String hello = webhook("\"type\":\"text\",\"text\":{\"body\":\"Hola\"}");
        post(hello);
        List<JsonNode> greeting = awaitNewReplies(0);
        assertThat(allText(greeting)).contains("Marta").doesNotContain("480.000");
        assertThat(greeting.get(0).path("messaging_product").asText()).isEqualTo("whatsapp");
        assertThat(graph.messages.get(0).authorization()).isEqualTo("Bearer test-token");
        assertThat(graph.messages.get(0).path()).isEqualTo("/v21.0/PNID/messages");

        post(hello); // Meta redelivers the same wamid: no second answer
        Thread.sleep(1000);
        assertThat(sentTo(PHONE)).hasSize(greeting.size());

        int before = sentTo(PHONE).size();
        post(webhook("\"type\":\"text\",\"text\":{\"body\":\"4321\"}"));
        List<JsonNode> verified = awaitNewReplies(before);
        assertThat(allText(verified)).contains("480.000");
        JsonNode menu = verified.stream().filter(m -> "interactive".equals(m.path("type").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no interactive menu in " + verified));
        List<String> optionIds = new ArrayList<>();
        JsonNode interactive = menu.path("interactive");
        if ("list".equals(interactive.path("type").asText())) {
            interactive.path("action").path("sections").forEach(s -> s.path("rows").forEach(r -> optionIds.add(r.path("id").asText())));
        } else {
            interactive.path("action").path("buttons").forEach(b -> optionIds.add(b.path("reply").path("id").asText()));
        }
        assertThat(optionIds).contains("pay_now");

        before = sentTo(PHONE).size();
        String kind = "list".equals(interactive.path("type").asText()) ? "list_reply" : "button_reply";
        post(webhook("\"type\":\"interactive\",\"interactive\":{\"type\":\"" + kind + "\",\"" + kind
                + "\":{\"id\":\"pay_now\",\"title\":\"Pagar ahora\"}}"));
        List<JsonNode> paid = awaitNewReplies(before);
        assertThat(allText(paid)).contains("https://cobra.example/pay/");
        assertThat(paid.get(0).path("text").path("preview_url").asBoolean()).isTrue();
    }
}

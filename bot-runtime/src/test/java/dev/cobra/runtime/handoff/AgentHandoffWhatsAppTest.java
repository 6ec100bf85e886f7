package dev.cobra.runtime.handoff;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cobra.runtime.channel.whatsapp.FakeGraphApi;
import dev.cobra.runtime.channel.whatsapp.WebhookSignature;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;
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
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 5, acceptance point 2: the bot → agent → bot round trip over WhatsApp, with the whole application behind
 * the signed webhook and a local HTTP server playing the Graph API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bot.demo.enabled=false", "bot.admin.password=test-admin",
        "whatsapp.app-secret=ho-secret", "whatsapp.verify-token=ho-verify", "whatsapp.access-token=test-token",
        "whatsapp.phone-number-id=PNID", "whatsapp.outbox.poll-interval=PT0.05S"})
class AgentHandoffWhatsAppTest {

    private static final String PHONE = "573005550177";

    @TempDir
    static Path dataDir;

    static FakeGraphApi graph;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        if (graph == null) {
            graph = new FakeGraphApi();
        }
        registry.add("bot.data-dir", () -> dataDir.toString());
        registry.add("whatsapp.graph-api-url", graph::baseUrl);
    }

    @AfterAll
    static void stopGraph() {
        graph.close();
    }

    @Autowired
    WebTestClient client;

    private int messageCounter;

    private void debtorWrites(String typeAndContent) {
        String body = """
                {"object":"whatsapp_business_account","entry":[{"id":"WABA","changes":[{"field":"messages","value":{
                 "messaging_product":"whatsapp","metadata":{"display_phone_number":"15550001111","phone_number_id":"PNID"},
                 "contacts":[{"profile":{"name":"Marta"},"wa_id":"%s","user_id":"CO.445566"}],
                 "messages":[{"from":"%s","id":"wamid.HOIN%d","timestamp":"%d",%s}]}}]}]}"""
                .formatted(PHONE, PHONE, ++messageCounter, Instant.now().getEpochSecond(), typeAndContent);
        client.post().uri("/webhooks/whatsapp").contentType(MediaType.APPLICATION_JSON)
                .header("X-Hub-Signature-256", WebhookSignature.sign("ho-secret", body.getBytes(StandardCharsets.UTF_8)))
                .bodyValue(body.getBytes(StandardCharsets.UTF_8)).exchange().expectStatus().isOk();
    }

    private void debtorSays(String text) {
        debtorWrites("\"type\":\"text\",\"text\":{\"body\":\"" + text + "\"}");
    }

    private List<JsonNode> awaitNewSends(int before) throws InterruptedException {
        await(() -> graph.sentBodies().size() > before);
        Thread.sleep(700); // the rest of the turn's messages
        return new ArrayList<>(graph.sentBodies().subList(before, graph.sentBodies().size()));
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for the Graph API to be called");
            }
            Thread.sleep(50);
        }
    }

    private static String allText(List<JsonNode> messages) {
        StringBuilder text = new StringBuilder();
        for (JsonNode m : messages) {
            text.append(m.path("text").path("body").asText("")).append(m.path("interactive").path("body").path("text").asText(""))
                    .append('\n');
        }
        return text.toString();
    }

    private WebTestClient agent(String username) {
        client.post().uri("/api/users").headers(h -> h.setBasicAuth("admin", "test-admin"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", "password-" + username, "roles", List.of("AGENT")))
                .exchange().expectStatus().isCreated();
        return client.mutate().responseTimeout(Duration.ofSeconds(30))
                .defaultHeaders(h -> h.setBasicAuth(username, "password-" + username)).build();
    }

    @Test
    void aWhatsAppDebtorIsHandedToAnAgentWhoRepliesThroughTheGraphApiAndBackToTheBot() throws Exception {
        client.post().uri("/api/debtors").headers(h -> h.setBasicAuth("admin", "test-admin"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("""
                        [{"id":"D-WA-HO","name":"Marta Ruiz","phone":"+%s","locale":"es-CO","timezone":"America/Bogota",
                          "country":"CO","documentLast4":"4321",
                          "consent":{"whatsapp":{"optedIn":true,"at":"2026-10-01T10:00:00Z","source":"web"}},
                          "debts":[{"id":"L-9","product":"Préstamo","balance":480000,"currency":"COP","dueDate":"%s"}]}]"""
                        .formatted(PHONE, dev.cobra.runtime.conversation.WebchatDriver.today().minusDays(12)))
                .exchange().expectStatus().is2xxSuccessful();
        WebTestClient lucia = agent("lucia");
        WebTestClient pedro = agent("pedro");

        debtorSays("Hola");
        awaitNewSends(0);
        int before = graph.sentBodies().size();
        debtorSays("4321");
        assertThat(allText(awaitNewSends(before))).contains("480.000");
        before = graph.sentBodies().size();
        debtorSays("Pagar en una fecha"); // inside the promise subflow when the agent takes over
        awaitNewSends(before);
        before = graph.sentBodies().size();
        debtorSays("quiero hablar con una persona");
        awaitNewSends(before);

        JsonNode queue = lucia.get().uri("/api/agent/queue").exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        JsonNode waiting = null;
        for (JsonNode entry : queue) {
            if ("D-WA-HO".equals(entry.path("debtorId").asText())) {
                waiting = entry;
            }
        }
        assertThat(waiting).as("the WhatsApp chat is in the queue: %s", queue).isNotNull();
        assertThat(waiting.get("channel").asText()).isEqualTo("whatsapp");
        String id = waiting.get("conversationId").asText();

        lucia.post().uri("/api/agent/conversations/{id}/claim", id).exchange().expectStatus().isOk();
        pedro.post().uri("/api/agent/conversations/{id}/claim", id).exchange().expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.error").isEqualTo("claimed_by_another_agent");

        before = graph.sentBodies().size();
        lucia.post().uri("/api/agent/conversations/{id}/messages", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("text", "Hola Marta, soy Lucía. Te ayudo con tu pago."))
                .exchange().expectStatus().isCreated().expectBody().jsonPath("$.windowOpen").isEqualTo(true);
        List<JsonNode> agentSends = awaitNewSends(before);
        assertThat(agentSends).hasSize(1);
        assertThat(agentSends.get(0).path("to").asText()).isEqualTo(PHONE);
        assertThat(agentSends.get(0).path("type").asText()).isEqualTo("text");
        assertThat(agentSends.get(0).path("text").path("body").asText()).isEqualTo("Hola Marta, soy Lucía. Te ayudo con tu pago.");

        before = graph.sentBodies().size();
        debtorSays("gracias, quiero pagar ya");
        Thread.sleep(2000);
        assertThat(graph.sentBodies()).as("the bot stays silent while the agent owns the chat").hasSize(before);
        JsonNode transcript = lucia.get().uri("/api/agent/conversations/{id}/messages", id).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        JsonNode last = transcript.get(transcript.size() - 1);
        assertThat(last.get("from").asText() + ":" + last.get("text").asText()).isEqualTo("debtor:gracias, quiero pagar ya");

        before = graph.sentBodies().size();
        lucia.post().uri("/api/agent/conversations/{id}/release", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("resumeStep", "main_menu")).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("BOT");
        List<JsonNode> menu = awaitNewSends(before);
        assertThat(allText(menu)).as("the debtor is told the assistant is back").contains("asistente virtual");
        JsonNode interactive = menu.stream().filter(m -> "interactive".equals(m.path("type").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("the bot did not ask the menu again: " + menu)).path("interactive");

        before = graph.sentBodies().size();
        String kind = "list".equals(interactive.path("type").asText()) ? "list_reply" : "button_reply";
        debtorWrites("\"type\":\"interactive\",\"interactive\":{\"type\":\"" + kind + "\",\"" + kind
                + "\":{\"id\":\"pay_now\",\"title\":\"Pagar ahora\"}}");
        assertThat(allText(awaitNewSends(before))).as("the bot answers again from the menu").contains("/pay/");
    }
}

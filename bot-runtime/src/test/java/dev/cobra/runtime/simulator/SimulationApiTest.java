package dev.cobra.runtime.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cobra.runtime.config.IsolatedRuntime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The draft simulator over HTTP: runs unsaved YAML, shows the NLU result, jumps, and stores nothing. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SimulationApiTest {

    private static final String PASSWORD = "sim-pass-1";

    @DynamicPropertySource
    static void isolated(DynamicPropertyRegistry registry) {
        IsolatedRuntime.register(registry);
    }

    @Autowired
    WebTestClient web;

    @BeforeAll
    void users() {
        web = web.mutate().responseTimeout(java.time.Duration.ofSeconds(30)).build(); // bcrypt on a busy machine
        for (String name : List.of("designer", "agent", "other")) {
            String role = name.equals("agent") ? "AGENT" : "DESIGNER";
            web.post().uri("/api/users").headers(h -> h.setBasicAuth("admin", IsolatedRuntime.ADMIN_PASSWORD))
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("username", name, "password", PASSWORD, "roles", List.of(role)))
                    .exchange().expectStatus().isCreated();
        }
    }

    private WebTestClient as(String user) {
        return web.mutate().defaultHeaders(h -> h.setBasicAuth(user, PASSWORD)).build();
    }

    private JsonNode post(String user, String uri, Object body, int status) {
        return as(user).post().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isEqualTo(status).expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    @Test
    void aDesignerChatsWithTheStoredDraftThroughVerificationAndSeesTheNluResult() {
        JsonNode open = post("designer", "/api/flows/early/simulations", Map.of("daysPastDue", 10, "locale", "es"), 201);
        String sid = open.get("sessionId").asText();
        assertThat(open.get("flowId").asText()).isEqualTo("early");
        assertThat(open.get("currentFlow").asText()).isEqualTo("verification");
        assertThat(open.get("step").asText()).isEqualTo("ask_document");
        assertThat(open.get("replies").get(0).get("text").asText()).contains("Ana");

        JsonNode verified = post("designer", "/api/flows/early/simulations/" + sid + "/messages", Map.of("text", "1234"), 200);
        assertThat(verified.get("verified").asBoolean()).isTrue();
        assertThat(verified.get("currentFlow").asText()).isEqualTo("early");
        assertThat(verified.get("step").asText()).isEqualTo("main_menu");
        assertThat(verified.get("effects").toString()).contains("verify_identity ok");

        JsonNode freeText = post("designer", "/api/flows/early/simulations/" + sid + "/messages",
                Map.of("text", "perdí el empleo y no tengo con qué pagar este mes"), 200);
        assertThat(freeText.at("/nlu/intent/name").asText()).isNotBlank();
        assertThat(freeText.at("/nlu/intent/confidence").asDouble()).isBetween(0.0, 1.0);
        assertThat(freeText.at("/nlu/intent_ranking").size()).isPositive();

        JsonNode jumped = post("designer", "/api/flows/early/simulations/" + sid + "/jump", Map.of("step", "payment_methods"), 200);
        assertThat(jumped.get("step").asText()).isEqualTo("main_menu");
        assertThat(jumped.get("replies").get(0).get("text").asText()).contains("tarjeta");

        JsonNode filled = post("designer", "/api/flows/early/simulations/" + sid + "/messages",
                Map.of("text", "me gustaría pagarlo en 3 cuotas"), 200);
        assertThat(filled.get("behaviours").toString()).as("the simulator shows which repair fired")
                .contains("slot_filled:installments");
        assertThat(filled.get("step").asText()).isEqualTo("confirm");

        post("designer", "/api/flows/early/simulations/" + sid + "/jump", Map.of("step", "nope"), 400);
        post("other", "/api/flows/early/simulations/" + sid + "/messages", Map.of("text", "hola"), 404);

        JsonNode restarted = post("designer", "/api/flows/early/simulations/" + sid + "/restart", Map.of(), 200);
        assertThat(restarted.get("step").asText()).isEqualTo("ask_document");
        assertThat(restarted.get("verified").asBoolean()).isFalse();

        // Nothing was stored: no conversation exists for the sample debtor.
        JsonNode conversations = as("designer").get().uri("/api/flows").exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(conversations.toString()).doesNotContain("SIM-SAMPLE");
    }

    @Test
    void unsavedYamlRunsAsTheDraftAndAnOptionLeadsToItsStep() {
        String yaml = """
                id: early
                title: Sim
                entry: menu
                steps:
                  menu:
                    type: menu
                    text: "¿Qué deseas?"
                    options:
                      - {id: callback, title: "Llámenme", next: callback_done}
                  callback_done: {type: end, disposition: REFUSED, text: "Te llamaremos."}
                """;
        JsonNode open = post("designer", "/api/flows/early/simulations", Map.of("yaml", yaml, "channel", "whatsapp"), 201);
        assertThat(open.get("step").asText()).isEqualTo("menu");
        assertThat(open.at("/replies/0/options/0/id").asText()).isEqualTo("callback");
        JsonNode chosen = post("designer", "/api/flows/early/simulations/" + open.get("sessionId").asText() + "/messages",
                Map.of("optionId", "callback"), 200);
        assertThat(chosen.get("replies").toString()).contains("Te llamaremos.");
        assertThat(chosen.get("status").asText()).isEqualTo("CLOSED");
        assertThat(chosen.get("nlu").isNull()).isTrue();
        // the stored draft is unchanged
        JsonNode draft = as("designer").get().uri("/api/flows/early").exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(draft.get("yaml").asText()).doesNotContain("Llámenme");
    }

    @Test
    void badRequestsAndAgentsAreRefused() {
        post("designer", "/api/flows/early/simulations", Map.of("locale", "fr"), 400);
        post("designer", "/api/flows/early/simulations", Map.of("yaml", "id: [broken"), 400);
        post("designer", "/api/flows/nope_missing/simulations", Map.of(), 404);
        post("agent", "/api/flows/early/simulations", Map.of(), 403);
    }
}

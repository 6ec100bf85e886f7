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

/** Conversation tests per flow: shipped ones pass on the shipped draft; a saved test fails at its diverging turn. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConversationTestApiTest {

    private static final String PASSWORD = "tests-pass-1";

    @DynamicPropertySource
    static void isolated(DynamicPropertyRegistry registry) {
        IsolatedRuntime.register(registry);
    }

    @Autowired
    WebTestClient web;

    @BeforeAll
    void users() {
        for (String name : List.of("designer", "agent")) {
            web.post().uri("/api/users").headers(h -> h.setBasicAuth("admin", IsolatedRuntime.ADMIN_PASSWORD))
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("username", name, "password", PASSWORD, "roles", List.of(name.toUpperCase())))
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
    void shippedTestsPassAndABrokenExpectationNamesItsTurn() {
        JsonNode list = as("agent").get().uri("/api/flows/early/tests").exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(list.findValuesAsText("id")).contains("shipped:already_paid_typed", "shipped:more_time");

        JsonNode run = post("designer", "/api/flows/early/tests/run", Map.of(), 200);
        assertThat(run.get("passed").asBoolean()).as(run.toString()).isTrue();

        String wrong = """
                description: the menu text changed
                today: 2026-11-20
                turns:
                  - bot: {contains: ["últimos 4 dígitos"]}
                  - say: "1234"
                    bot: {contains: ["Elige una opción que no existe"]}
                    expect: {step: main_menu}
                """;
        JsonNode saved = post("designer", "/api/flows/early/tests", Map.of("name", "wrong text", "yaml", wrong), 201);
        JsonNode failed = post("designer", "/api/flows/early/tests/run", Map.of(), 200);
        assertThat(failed.get("passed").asBoolean()).isFalse();
        JsonNode result = null;
        for (JsonNode r : failed.get("results")) {
            if (r.get("id").asText().equals(saved.get("id").asText())) {
                result = r;
            }
        }
        assertThat(result).isNotNull();
        assertThat(result.get("passed").asBoolean()).isFalse();
        assertThat(result.get("turn").asInt()).isEqualTo(2);
        assertThat(result.get("message").asText()).contains("Elige una opción que no existe");

        // The same tests against unsaved YAML whose menu no longer offers "more_time": the shipped test fails too.
        String draft = as("designer").get().uri("/api/flows/early").exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("yaml").asText();
        JsonNode edited = post("designer", "/api/flows/early/tests/run",
                Map.of("yaml", draft.replace("next: more_time_date", "next: questions")), 200);
        assertThat(edited.toString()).contains("shipped:more_time");
        for (JsonNode r : edited.get("results")) {
            if (r.get("id").asText().equals("shipped:more_time")) {
                assertThat(r.get("passed").asBoolean()).isFalse();
            }
        }

        as("designer").delete().uri("/api/flows/early/tests/{id}", saved.get("id").asText()).exchange()
                .expectStatus().isNoContent();
        as("designer").delete().uri("/api/flows/early/tests/shipped:more_time").exchange().expectStatus().isEqualTo(409);
        post("designer", "/api/flows/early/tests", Map.of("name", "bad", "yaml", "turns: nope"), 400);
        post("agent", "/api/flows/early/tests/run", Map.of(), 403);
    }
}

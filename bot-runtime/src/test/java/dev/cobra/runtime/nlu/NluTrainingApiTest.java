package dev.cobra.runtime.nlu;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cobra.runtime.config.IsolatedRuntime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Examples, retraining, model versions and rollback through HTTP (issue 3, "Runtime"). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NluTrainingApiTest {

    @DynamicPropertySource
    static void isolated(DynamicPropertyRegistry registry) {
        IsolatedRuntime.register(registry);
    }

    @Autowired
    WebTestClient web;

    private WebTestClient as(String user, String password) {
        return web.mutate().responseTimeout(Duration.ofMinutes(3))
                .defaultHeaders(h -> h.setBasicAuth(user, password)).build();
    }

    private WebTestClient admin() {
        return as("admin", IsolatedRuntime.ADMIN_PASSWORD);
    }

    @BeforeEach
    void users() {
        for (String[] u : new String[][]{{"dana", "DESIGNER"}, {"agus", "AGENT"}}) {
            admin().post().uri("/api/users").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"username\":\"" + u[0] + "\",\"password\":\"secret-pass-1\",\"roles\":[\"" + u[1] + "\"]}")
                    .exchange();
        }
    }

    @Test
    void aDesignerAddsExamplesRetrainsAndCanRollBackToThePackagedModel() {
        WebTestClient designer = as("dana", "secret-pass-1");
        designer.post().uri("/api/nlu/examples").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("[{\"intent\":\"request_more_time\",\"text\":\"me dan chance hasta el aguinaldo\"},"
                        + "{\"intent\":\"affirm\",\"text\":\"arre\"}]")
                .exchange().expectStatus().isCreated()
                .expectBody().jsonPath("$.added.length()").isEqualTo(2)
                .jsonPath("$.added[0].intent").isEqualTo("request_more_time")
                .jsonPath("$.added[0].addedBy").isEqualTo("dana");

        designer.get().uri("/api/nlu/examples").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.added.length()").isEqualTo(2)
                .jsonPath("$.shippedTrainingPerIntent.pay_now").isNumber();

        JsonNode outcome = designer.post().uri("/api/nlu/train").exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(outcome).isNotNull();
        assertThat(outcome.path("version").asInt()).isEqualTo(1);
        assertThat(outcome.path("previousVersion").asInt()).isZero();
        assertThat(outcome.path("macroF1").asDouble()).isBetween(0.0, 1.0);
        boolean activated = outcome.path("activated").asBoolean();
        assertThat(activated).isEqualTo(outcome.path("macroF1").asDouble() >= outcome.path("previousMacroF1").asDouble());
        assertThat(outcome.path("addedExamples").asInt()).isEqualTo(2);

        designer.get().uri("/api/nlu/models").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.active").isEqualTo(activated ? 1 : 0)
                .jsonPath("$.versions[0].version").isEqualTo(0)
                .jsonPath("$.versions[1].version").isEqualTo(1)
                .jsonPath("$.versions[1].accepted").isEqualTo(activated)
                .jsonPath("$.versions[1].trainedBy").isEqualTo("dana");

        designer.post().uri("/api/nlu/models/1/activate").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.active").isEqualTo(1);
        designer.post().uri("/api/nlu/models/0/activate").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.active").isEqualTo(0);
        designer.get().uri("/api/nlu/models").exchange().expectBody().jsonPath("$.active").isEqualTo(0);
        designer.post().uri("/api/nlu/models/99/activate").exchange().expectStatus().isNotFound().expectBody()
                .jsonPath("$.error").isEqualTo("not_found");
    }

    @Test
    void rejectsUnknownIntentsAndEmptyOrMultiLineTexts() {
        WebTestClient designer = as("dana", "secret-pass-1");
        designer.post().uri("/api/nlu/examples").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"intent\":\"buy_pizza\",\"text\":\"quiero pizza\"}")
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.error").isEqualTo("unknown_intent");
        designer.post().uri("/api/nlu/examples").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"intent\":\"affirm\",\"text\":\"  \"}")
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.error").isEqualTo("invalid_text");
        designer.post().uri("/api/nlu/examples").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("[]").exchange().expectStatus().isBadRequest();
        designer.delete().uri("/api/nlu/examples/nope").exchange().expectStatus().isNotFound();
    }

    @Test
    void agentsMayParseButNotTrainOrEditExamples() {
        WebTestClient agent = as("agus", "secret-pass-1");
        agent.post().uri("/api/nlu/parse").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"text\":\"hola\"}")
                .exchange().expectStatus().isOk();
        agent.post().uri("/api/nlu/train").exchange().expectStatus().isForbidden();
        agent.post().uri("/api/nlu/examples").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"intent\":\"affirm\",\"text\":\"arre\"}").exchange().expectStatus().isForbidden();
    }
}

package dev.cobra.runtime.flow;

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
import reactor.test.StepVerifier;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The flows API and the Mongo-backed catalog over HTTP, on a fresh embedded database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FlowApiTest {

    private static final MediaType YAML = MediaType.parseMediaType("application/yaml");
    private static final String PASSWORD = "flow-pass-1";

    @DynamicPropertySource
    static void isolated(DynamicPropertyRegistry registry) {
        IsolatedRuntime.register(registry);
    }

    @Autowired
    WebTestClient web;

    @Autowired
    MongoFlowStore store;

    @BeforeAll
    void createDesignerAndAgent() {
        for (String role : List.of("DESIGNER", "AGENT")) {
            web.post().uri("/api/users").headers(h -> h.setBasicAuth("admin", IsolatedRuntime.ADMIN_PASSWORD))
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("username", role.toLowerCase(), "password", PASSWORD, "roles", List.of(role)))
                    .exchange().expectStatus().isCreated();
        }
    }

    private WebTestClient as(String user) {
        return web.mutate().defaultHeaders(h -> h.setBasicAuth(user, PASSWORD)).build();
    }

    private static String simpleFlow(String id, String text, String next) {
        return "# a comment the designer wrote\nid: " + id + "\ntitle: Test " + id + "\nentry: hello\nsteps:\n"
                + "  hello: {type: message, text: \"" + text + "\", next: " + next + "}\n"
                + "  bye: {type: end, disposition: REFUSED, text: \"Adiós\"}\n";
    }

    @Test
    void everyShippedFlowIsPublishedAsVersionOneAtFirstStart() {
        web.get().uri("/api/flows").headers(h -> h.setBasicAuth("agent", PASSWORD)).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[?(@.id == 'early')].publishedVersion").isEqualTo(1)
                .jsonPath("$[?(@.id == 'early')].draftVersion").isEqualTo(1)
                .jsonPath("$[?(@.id == 'early')].stage").isEqualTo(true)
                .jsonPath("$[?(@.id == 'verification')].stage").isEqualTo(false)
                .jsonPath("$[?(@.id == 'verification')].title").isEqualTo("Right-party verification");
    }

    @Test
    void theCatalogPicksTheStageFlowByDaysPastDue() {
        StepVerifier.create(store.forStage(-3)).assertNext(v -> assertThat(v.flow().id()).isEqualTo("early")).verifyComplete();
        StepVerifier.create(store.forStage(30)).assertNext(v -> assertThat(v.flow().id()).isEqualTo("early")).verifyComplete();
        StepVerifier.create(store.forStage(31)).assertNext(v -> assertThat(v.flow().id()).isEqualTo("mid")).verifyComplete();
        StepVerifier.create(store.forStage(90)).assertNext(v -> assertThat(v.flow().id()).isEqualTo("mid")).verifyComplete();
        StepVerifier.create(store.forStage(400)).assertNext(v -> {
            assertThat(v.flow().id()).isEqualTo("late");
            assertThat(v.version()).isEqualTo(1);
        }).verifyComplete();
    }

    @Test
    void aDraftIsReturnedWithItsYamlAndGraph() {
        as("agent").get().uri("/api/flows/early").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.id").isEqualTo("early")
                .jsonPath("$.yaml").value(yaml -> assertThat((String) yaml).contains("main_menu:", "# Early stage"))
                .jsonPath("$.graph.entry").isEqualTo("greeting")
                .jsonPath("$.graph.nodes[?(@.id == 'main_menu')].type").isEqualTo("menu")
                .jsonPath("$.graph.nodes[?(@.id == 'verify')].flow").isEqualTo("verification")
                .jsonPath("$.graph.edges[?(@.source == 'main_menu' && @.event == 'option:pay_now')].target")
                .isEqualTo("payment_link")
                .jsonPath("$.graph.globalRoutes[?(@.intent == 'opt_out')].target").isEqualTo("flow:opt_out");
    }

    @Test
    void theFlowSchemaIsServedToStaffForTheYamlEditor() {
        as("agent").get().uri("/api/flow-schema").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.$schema").isEqualTo("https://json-schema.org/draft/2020-12/schema")
                .jsonPath("$.$defs.menuStep.properties.options.maxItems").isEqualTo(10);
        web.get().uri("/api/flow-schema").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void anUnknownFlowIs404AndABadIdIs400AsJson() {
        as("agent").get().uri("/api/flows/nope").exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.error").isEqualTo("not_found");
        as("agent").get().uri("/api/flows/Bad-Id").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.error").isEqualTo("invalid_flow_id");
    }

    @Test
    void yamlThatDoesNotParseIsRejectedWithTheProblemAndNothingIsSaved() {
        as("designer").put().uri("/api/flows/broken").contentType(YAML)
                .bodyValue("id: broken\nentry: a\nsteps:\n  a: {type: teleport}\n").exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.error").isEqualTo("invalid_flow_yaml")
                .jsonPath("$.errors[0].step").isEqualTo("a");
        as("agent").get().uri("/api/flows/broken").exchange().expectStatus().isNotFound();
    }

    @Test
    void anAgentMayReadButNotEditFlows() {
        as("agent").put().uri("/api/flows/agent_edit").contentType(YAML)
                .bodyValue(simpleFlow("agent_edit", "Hola", "bye")).exchange()
                .expectStatus().isForbidden();
        as("agent").post().uri("/api/flows/early/publish").exchange().expectStatus().isForbidden();
    }

    @Test
    void validationPinsEachProblemToItsStep() {
        as("designer").post().uri("/api/flows/check_me/validate").contentType(YAML)
                .bodyValue(simpleFlow("check_me", "Hola", "ghost")).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.valid").isEqualTo(false)
                .jsonPath("$.errors[?(@.code == 'unknown_target')].step").isEqualTo("hello")
                .jsonPath("$.errors[?(@.code == 'unreachable_step')].step").isEqualTo("bye");
        as("designer").post().uri("/api/flows/check_me/validate").contentType(YAML)
                .bodyValue(simpleFlow("check_me", "Hola", "bye")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.valid").isEqualTo(true).jsonPath("$.errors").isEmpty();
    }

    @Test
    void aSavedDraftKeepsItsCommentsAndIsNotLiveUntilPublished() {
        as("designer").put().uri("/api/flows/promo").contentType(YAML)
                .bodyValue(simpleFlow("promo", "Hola uno", "bye")).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.draftVersion").isEqualTo(1)
                .jsonPath("$.publishedVersion").doesNotExist()
                .jsonPath("$.validation.valid").isEqualTo(true)
                .jsonPath("$.yaml").value(yaml -> assertThat((String) yaml).startsWith("# a comment the designer wrote"));
        StepVerifier.create(store.published("promo")).verifyComplete();

        as("designer").post().uri("/api/flows/promo/publish").exchange()
                .expectStatus().isOk().expectBody(String.class).isEqualTo("1");
        as("designer").put().uri("/api/flows/promo").contentType(YAML)
                .bodyValue(simpleFlow("promo", "Hola dos", "bye")).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.draftVersion").isEqualTo(2)
                .jsonPath("$.publishedVersion").isEqualTo(1)
                .jsonPath("$.unpublishedChanges").isEqualTo(true);
        StepVerifier.create(store.published("promo"))
                .assertNext(v -> assertThat(v.flow().step("hello").orElseThrow().toString()).contains("Hola uno"))
                .verifyComplete();

        as("designer").post().uri("/api/flows/promo/publish").exchange()
                .expectStatus().isOk().expectBody(String.class).isEqualTo("2");
        StepVerifier.create(store.published("promo"))
                .assertNext(v -> {
                    assertThat(v.version()).isEqualTo(2);
                    assertThat(v.flow().step("hello").orElseThrow().toString()).contains("Hola dos");
                })
                .verifyComplete();
        StepVerifier.create(store.version("promo", 1))
                .assertNext(v -> assertThat(v.flow().step("hello").orElseThrow().toString()).contains("Hola uno"))
                .verifyComplete();
        as("agent").get().uri("/api/flows/promo/versions").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$[0].version").isEqualTo(2)
                .jsonPath("$[0].publishedBy").isEqualTo("designer")
                .jsonPath("$[1].version").isEqualTo(1);
        as("agent").get().uri("/api/flows/promo/versions/1").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.yaml").value(yaml -> assertThat((String) yaml).contains("Hola uno"));

        as("agent").post().uri("/api/flows/promo/versions/1/restore").exchange().expectStatus().isForbidden();
        as("designer").post().uri("/api/flows/promo/versions/1/restore").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.yaml").value(yaml -> assertThat((String) yaml).contains("Hola uno"))
                .jsonPath("$.draftVersion").isEqualTo(3)
                .jsonPath("$.unpublishedChanges").isEqualTo(true);
        as("designer").post().uri("/api/flows/promo/versions/9/restore").exchange().expectStatus().isNotFound();
    }

    @Test
    void anInvalidDraftCannotBePublished() {
        as("designer").put().uri("/api/flows/half_done").contentType(YAML)
                .bodyValue(simpleFlow("half_done", "Hola", "ghost")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.validation.valid").isEqualTo(false);
        as("designer").post().uri("/api/flows/half_done/publish").exchange()
                .expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.error").isEqualTo("invalid_flow")
                .jsonPath("$.errors[?(@.code == 'unknown_target')].step").isEqualTo("hello");
        StepVerifier.create(store.published("half_done")).verifyComplete();
        as("designer").post().uri("/api/flows/never_saved/publish").exchange().expectStatus().isNotFound();
    }

    @Test
    void aYamlWhoseIdDiffersFromTheUrlIsRejected() {
        as("designer").put().uri("/api/flows/one").contentType(YAML)
                .bodyValue(simpleFlow("two", "Hola", "bye")).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.error").isEqualTo("flow_id_mismatch");
    }

    @Test
    void laterStartsNeverOverwriteADesignersEdits() {
        String edited = simpleFlow("complaint", "Editado por diseño", "bye");
        as("designer").put().uri("/api/flows/complaint").contentType(YAML).bodyValue(edited).exchange()
                .expectStatus().isOk();
        StepVerifier.create(store.seedShippedFlows()).verifyComplete();
        StepVerifier.create(store.draft("complaint"))
                .assertNext(draft -> {
                    assertThat(draft.yaml()).isEqualTo(edited);
                    assertThat(draft.publishedVersion()).isEqualTo(1);
                })
                .verifyComplete();
    }
}

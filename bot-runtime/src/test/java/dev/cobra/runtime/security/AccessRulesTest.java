package dev.cobra.runtime.security;

import dev.cobra.runtime.config.IsolatedRuntime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The role matrix of {@link AccessRules}, exercised over HTTP with real users in the embedded database. */
// The machine is shared and slow: allow more than WebTestClient's 5 s default per request.
@AutoConfigureWebTestClient(timeout = "PT30S")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessRulesTest {

    private static final String PASSWORD = "secret-pass-1";

    @DynamicPropertySource
    static void isolated(DynamicPropertyRegistry registry) {
        IsolatedRuntime.register(registry);
    }

    @Autowired
    WebTestClient web;

    @BeforeAll
    void createOneUserPerRole() {
        for (Role role : List.of(Role.SUPERVISOR, Role.DESIGNER, Role.AGENT)) {
            asAdmin().post().uri("/api/users").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("username", role.name().toLowerCase(), "password", PASSWORD,
                            "roles", List.of(role.name())))
                    .exchange().expectStatus().isCreated();
        }
    }

    @Test
    void anonymousCallsToTheApiGetJson401WithABasicChallengeForScripts() {
        web.get().uri("/api/me").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Cobra\"")
                .expectBody().jsonPath("$.error").isEqualTo("unauthorized");
    }

    @Test
    void webAppRequestsGet401WithoutABasicChallengeSoBrowsersShowNoPopup() {
        web.get().uri("/api/me").header("X-Requested-With", "XMLHttpRequest").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().doesNotExist(HttpHeaders.WWW_AUTHENTICATE)
                .expectBody().jsonPath("$.error").isEqualTo("unauthorized");
    }

    @Test
    void aWrongPasswordIsRejectedWith401() {
        web.get().uri("/api/me").headers(h -> h.setBasicAuth("admin", "not-the-password")).exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.error").isEqualTo("unauthorized")
                .jsonPath("$.message").isEqualTo("Wrong username or password.");
    }

    @Test
    void meAnswersTheSignedInUserAndRoles() {
        asAdmin().get().uri("/api/me").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.username").isEqualTo("admin")
                .jsonPath("$.roles[0]").isEqualTo("ADMIN");
        as("designer").get().uri("/api/me").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.roles.length()").isEqualTo(1)
                .jsonPath("$.roles[0]").isEqualTo("DESIGNER");
    }

    @Test
    void creatingAnExistingUsernameIsAConflict() {
        asAdmin().post().uri("/api/users").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "agent", "password", PASSWORD, "roles", List.of("AGENT")))
                .exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.error").isEqualTo("username_taken");
    }

    @Test
    void unknownOrMissingRolesAreRejectedWith400() {
        asAdmin().post().uri("/api/users").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "someone", "password", PASSWORD, "roles", List.of("ROOT")))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").isEqualTo("invalid_roles");
        asAdmin().post().uri("/api/users").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "someone", "password", PASSWORD, "roles", List.of()))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").isEqualTo("invalid_roles");
        asAdmin().get().uri("/api/users").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.username == 'someone')]").doesNotExist();
    }

    @Test
    void aNewUserCanSignInWithThePasswordGivenAtCreation() {
        asAdmin().post().uri("/api/users").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "lucia.agent", "password", "another-pass", "roles",
                        List.of("agent", "SUPERVISOR")))
                .exchange().expectStatus().isCreated()
                .expectBody().jsonPath("$.roles[0]").isEqualTo("AGENT")
                .jsonPath("$.roles[1]").isEqualTo("SUPERVISOR");
        web.get().uri("/api/me").headers(h -> h.setBasicAuth("lucia.agent", "another-pass")).exchange()
                .expectStatus().isOk();
        web.get().uri("/api/me").headers(h -> h.setBasicAuth("lucia.agent", PASSWORD)).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void publicPathsNeedNoSignIn() {
        web.get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        for (String path : List.of("/webchat/api/sessions/unknown/messages", "/webhooks/nothing-here", "/chat/abc",
                "/console/", "/designer/")) {
            web.get().uri(path).exchange().expectStatus().value(status ->
                    assertThat(status).as(path).isNotIn(401, 403));
        }
    }

    /**
     * Each row: method, path, user, expected ({@code allowed} means security let it through: whatever the
     * endpoint answers, it is not 401/403).
     */
    @ParameterizedTest(name = "{1} {0} as {2} -> {3}")
    @CsvSource({
            "GET,    /api/users,               supervisor, 403",
            "GET,    /api/users,               admin,      allowed",
            "POST,   /api/debtors,             agent,      403",
            "POST,   /api/debtors,             designer,   403",
            "POST,   /api/debtors,             supervisor, allowed",
            "GET,    /api/debtors/D-NONE,      admin,      allowed",
            "GET,    /api/debtors/D-NONE,      anonymous,  401",
            "POST,   /api/webchat/links,       agent,      allowed",
            "POST,   /api/webchat/links,       designer,   403",
            "GET,    /api/flows,               agent,      allowed",
            "GET,    /api/flows,               anonymous,  401",
            "PUT,    /api/flows/early,         agent,      403",
            "PUT,    /api/flows/early,         supervisor, 403",
            "PUT,    /api/flows/early,         designer,   allowed",
            "POST,   /api/flows/early/publish, admin,      allowed",
            "POST,   /api/nlu/parse,           agent,      allowed",
            "GET,    /api/nlu/no-such-thing,   agent,      403",
            "GET,    /api/nlu/no-such-thing,   designer,   allowed",
            "GET,    /api/conversations/x,     designer,   allowed",
            "GET,    /api/agent/queue,         designer,   403",
            "GET,    /api/agent/queue,         agent,      allowed",
            "GET,    /api/agent/queue,         supervisor, allowed",
            "GET,    /api/whatsapp/templates,  agent,      allowed",
            "PUT,    /api/whatsapp/templates,  agent,      403",
            "PUT,    /api/whatsapp/templates,  designer,   403",
            "PUT,    /api/whatsapp/templates,  supervisor, allowed",
            "POST,   /api/campaigns,           agent,      403",
            "POST,   /api/campaigns,           supervisor, allowed",
            "GET,    /api/compliance/can-contact, designer, 403",
            "GET,    /api/compliance/can-contact, admin,   allowed",
            "GET,    /api/anything-else,       agent,      allowed",
            "GET,    /api/anything-else,       anonymous,  401",
            "GET,    /actuator/env,            designer,   403",
    })
    void theRoleMatrixDecidesWhoMayCallWhat(String method, String path, String user, String expected) {
        WebTestClient.RequestBodySpec request = (user.equals("anonymous") ? web : as(user))
                .method(HttpMethod.valueOf(method)).uri(path);
        if (!method.equals("GET")) {
            request.contentType(MediaType.APPLICATION_JSON).bodyValue("{}");
        }
        int status = request.exchange().returnResult(String.class).getStatus().value();
        if (expected.equals("allowed")) {
            assertThat(status).as("%s %s as %s", method, path, user).isNotIn(401, 403);
        } else {
            assertThat(status).as("%s %s as %s", method, path, user).isEqualTo(Integer.parseInt(expected));
        }
    }

    private WebTestClient asAdmin() {
        return web.mutate().defaultHeaders(h -> h.setBasicAuth("admin", IsolatedRuntime.ADMIN_PASSWORD)).build();
    }

    private WebTestClient as(String user) {
        if (user.equals("admin")) {
            return asAdmin();
        }
        return web.mutate().defaultHeaders(h -> h.setBasicAuth(user, PASSWORD)).build();
    }
}

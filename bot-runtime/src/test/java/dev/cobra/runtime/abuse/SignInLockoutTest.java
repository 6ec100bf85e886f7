package dev.cobra.runtime.abuse;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16, point 2, over HTTP: a username is locked after five wrong passwords (429 JSON with Retry-After, even for
 * the right password), every failure is visible to admins at {@code GET /api/security/sign-in-failures} as
 * {@code {"username","client","at"}} newest first, and the password is never part of it.
 */
class SignInLockoutTest extends AbuseTestBase {

    @Test
    void fiveWrongPasswordsLockTheUsernameAndAdminsSeeTheFailures() {
        String username = unique("guard").toLowerCase();
        driver.admin().post().uri("/api/users").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", "the-right-pass", "roles", List.of("AGENT")))
                .exchange().expectStatus().isCreated();

        for (int i = 1; i <= 5; i++) {
            String password = "wrong-guess-" + i;
            web.get().uri("/api/me").headers(h -> h.setBasicAuth(username, password)).exchange()
                    .expectStatus().isUnauthorized().expectBody().jsonPath("$.error").isEqualTo("unauthorized");
        }
        web.get().uri("/api/me").headers(h -> h.setBasicAuth(username, "the-right-pass")).exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                .expectBody().jsonPath("$.error").isEqualTo("too_many_requests");

        JsonNode failures = driver.admin().get().uri("/api/security/sign-in-failures").exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        List<JsonNode> mine = new java.util.ArrayList<>();
        failures.forEach(f -> {
            if (username.equals(f.path("username").asText())) {
                mine.add(f);
            }
        });
        assertThat(mine).hasSize(5);
        for (JsonNode failure : mine) {
            assertThat(failure.path("client").asText()).isNotBlank();
            assertThat(Instant.parse(failure.path("at").asText())).isBefore(Instant.now().plusSeconds(1));
        }
        for (int i = 1; i < mine.size(); i++) {
            assertThat(Instant.parse(mine.get(i - 1).path("at").asText()))
                    .isAfterOrEqualTo(Instant.parse(mine.get(i).path("at").asText()));
        }
        assertThat(failures.toString()).doesNotContain("wrong-guess").doesNotContain("the-right-pass");

        // Admins only.
        web.get().uri("/api/security/sign-in-failures").headers(h -> h.setBasicAuth("nobody-" + username, "x"))
                .exchange().expectStatus().isUnauthorized();
    }
}

package dev.cobra.runtime.abuse;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.Map;


/**
 * Issue 16, point 5: state-changing staff routes refuse requests a browser marks as cross-site (403 JSON), allow
 * {@code bot.public-url}, the configured staff origins and scripts; the public webchat stays embeddable; browsers get
 * no Basic challenge; security headers are on every response.
 */
class CrossSiteAndHeadersTest extends AbuseTestBase {

    @Test
    void aCrossSiteFormPostCannotEraseADebtor() {
        String debtorId = debtor("D-CSRF", Map.of());
        driver.admin().post().uri("/api/debtors/{id}/erase", debtorId)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue("confirm=yes")
                .header(HttpHeaders.ORIGIN, "http://evil.example").header("Sec-Fetch-Site", "cross-site")
                .exchange().expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody().jsonPath("$.error").isEqualTo("cross_site_request");
        // Either marker alone is enough.
        driver.admin().post().uri("/api/debtors/{id}/erase", debtorId).header("Sec-Fetch-Site", "cross-site")
                .exchange().expectStatus().isForbidden();
        driver.admin().delete().uri("/api/debtors/{id}", debtorId).header(HttpHeaders.ORIGIN, "http://evil.example")
                .exchange().expectStatus().isForbidden();
        driver.admin().get().uri("/api/debtors/{id}", debtorId).exchange().expectStatus().isOk();
    }

    @Test
    void thePublicUrlTheStaffOriginsAndScriptsAreAllowed() {
        String debtorId = debtor("D-ORIGIN", Map.of());
        for (String origin : new String[]{"https://cobra.example", "https://staff.example"}) {
            driver.admin().post().uri("/api/webchat/links").contentType(MediaType.APPLICATION_JSON)
                    .header(HttpHeaders.ORIGIN, origin).header("Sec-Fetch-Site", "same-site")
                    .bodyValue(Map.of("debtorId", debtorId)).exchange().expectStatus().isCreated();
        }
        driver.admin().post().uri("/api/webchat/links").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("debtorId", debtorId)).exchange().expectStatus().isCreated();
        // Reading stays possible cross-site (nothing changes), and the debtor-facing chat is embeddable.
        driver.admin().get().uri("/api/debtors/{id}", debtorId).header(HttpHeaders.ORIGIN, "http://evil.example")
                .exchange().expectStatus().isOk();
        web.post().uri("/webchat/api/sessions").contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.ORIGIN, "http://creditor-site.example").header("Sec-Fetch-Site", "cross-site")
                .bodyValue(Map.of("token", driver.token(debtorId))).exchange().expectStatus().isOk();
    }

    @Test
    void browsersGetNoBasicChallengeScriptsDo() {
        web.get().uri("/api/me").header(HttpHeaders.USER_AGENT, "Mozilla/5.0 (X11; Linux x86_64) Chrome/120")
                .header("Sec-Fetch-Mode", "navigate").header(HttpHeaders.ACCEPT, "text/html,application/xhtml+xml")
                .exchange().expectStatus().isUnauthorized()
                .expectHeader().doesNotExist(HttpHeaders.WWW_AUTHENTICATE)
                .expectBody().jsonPath("$.error").isEqualTo("unauthorized");
        web.get().uri("/api/me").header(HttpHeaders.USER_AGENT, "curl/8.5.0").exchange()
                .expectStatus().isUnauthorized().expectHeader().exists(HttpHeaders.WWW_AUTHENTICATE);
    }

    @Test
    void securityHeadersAreOnEveryResponse() {
        assertHeaders(web.get().uri("/api/me").exchange(), true);
        assertHeaders(web.get().uri("/actuator/health").exchange(), true);
        assertHeaders(web.get().uri("/no/such/page").exchange(), true);
        assertHeaders(driver.admin().get().uri("/api/debtors/none-such").exchange(), true);
        assertHeaders(web.post().uri("/webchat/api/sessions/none/messages").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("text", "hola")).exchange(), false);
    }

    private static void assertHeaders(WebTestClient.ResponseSpec response, boolean framingDenied) {
        response.expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().exists("Referrer-Policy")
                .expectHeader().exists("Permissions-Policy");
        if (framingDenied) {
            response.expectHeader().valueEquals("X-Frame-Options", "DENY");
        } else {
            response.expectHeader().doesNotExist("X-Frame-Options");
        }
    }
}

package dev.cobra.runtime.channel.webchat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cobra.runtime.config.IsolatedRuntime;
import dev.cobra.runtime.conversation.WebchatDriver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 4, deep-link tokens "signed, expiring, single-debtor; an expired or forged token gets a clear page", over
 * the public webchat API with the operator's {@code bot.webchat.link-secret}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebchatDeepLinkTest {

    private static final String SECRET = "operator secret for webchat links in this test";

    @DynamicPropertySource
    static void isolated(DynamicPropertyRegistry registry) {
        IsolatedRuntime.register(registry);
        registry.add("bot.webchat.link-secret", () -> SECRET);
    }

    @Autowired
    WebTestClient web;

    private WebchatDriver driver;

    @BeforeEach
    void debtors() {
        web = web.mutate().responseTimeout(WebchatDriver.RESPONSE_TIMEOUT).build();
        driver = new WebchatDriver(web);
        driver.loadDebtor(WebchatDriver.defaultDebtor("D-LINK-A", WebchatDriver.today(), Map.of()));
        driver.loadDebtor(WebchatDriver.defaultDebtor("D-LINK-B", WebchatDriver.today(), Map.of("name", "Bruno Díaz")));
    }

    private WebTestClient.ResponseSpec open(String token) {
        return web.post().uri("/webchat/api/sessions").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("token", token)).exchange();
    }

    private static LinkTokens operatorKey() throws Exception {
        return new LinkTokens(MessageDigest.getInstance("SHA-256").digest(SECRET.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aTokenIsSignedAndOpensOnlyItsOwnDebtorsConversation() throws Exception {
        String a = driver.token("D-LINK-A");
        String b = driver.token("D-LINK-B");
        assertThat(operatorKey().verify(a, Instant.now()).check()).isEqualTo(LinkTokens.Check.VALID);

        WebchatDriver.Session sessionA = driver.open(a);
        WebchatDriver.Session sessionB = driver.open(b);
        assertThat(driver.conversation(sessionA.conversationId()).path("debtorId").asText()).isEqualTo("D-LINK-A");
        assertThat(driver.conversation(sessionB.conversationId()).path("debtorId").asText()).isEqualTo("D-LINK-B");
        assertThat(sessionA.conversationId()).isNotEqualTo(sessionB.conversationId());

        // A's link id under B's signature (and the reverse) is not a token of anyone.
        String mixed = a.substring(0, a.indexOf('.')) + b.substring(b.indexOf('.'));
        open(mixed).expectStatus().isNotFound().expectBody()
                .jsonPath("$.error").isEqualTo("link_not_found");
    }

    @Test
    void aForgedTokenGetsAClearJsonErrorAndThePageStillLoads() throws Exception {
        String genuine = driver.token("D-LINK-A");
        String forged = genuine.substring(0, genuine.indexOf('.') + 1) + "A".repeat(43);
        JsonNode error = open(forged).expectStatus().isNotFound().expectBody(JsonNode.class).returnResult()
                .getResponseBody();
        assertThat(error.path("error").asText()).isEqualTo("link_not_found");
        assertThat(error.path("message").asText()).contains("not valid");
        assertThat(error.toString()).doesNotContain("Exception").doesNotContain("at dev.");
        // A token signed with a different key, as an attacker without the secret would make it.
        String selfSigned = new LinkTokens(new byte[32]).issue(Instant.now().plusSeconds(3600));
        open(selfSigned).expectStatus().isNotFound();
        // The debtor's page is served and shows its "link not valid" notice (webchat.e2e.mjs checks it in Chromium).
        web.get().uri("/chat/{token}", forged).exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML);
    }

    @Test
    void anExpiredTokenGetsLinkExpired() throws Exception {
        String expired = operatorKey().issue(Instant.now().minusSeconds(60));
        open(expired).expectStatus().isEqualTo(410).expectBody()
                .jsonPath("$.error").isEqualTo("link_expired")
                .jsonPath("$.message").value(m -> assertThat((String) m).contains("expired"));
    }
}

package dev.cobra.runtime.abuse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cobra.runtime.conversation.WebchatDriver;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16, point 3: the public webchat endpoints are rate-limited (429 JSON with Retry-After) per client, per
 * personal link and per session, above the contract's normal use: 20 anonymous sessions a minute from one client,
 * 10 sessions an hour through one link, a burst of 60 messages in one session. Anonymous sessions that never write
 * are not conversations in the KPIs.
 */
class WebchatRateLimitTest extends AbuseTestBase {

    @Test
    void normalUseIsServedAndFloodsGet429WithRetryAfter() {
        int kpiBefore = conversationsInKpis();
        int opened = 0;
        EntityExchangeResult<byte[]> refused = null;
        for (int i = 0; i < 60 && refused == null; i++) {
            EntityExchangeResult<byte[]> result = web.post().uri("/webchat/api/sessions").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of()).exchange().expectBody().returnResult();
            if (result.getStatus().value() == 429) {
                refused = result;
            } else {
                assertThat(result.getStatus().value()).isEqualTo(200);
                opened++;
            }
        }
        assertThat(opened).as("anonymous sessions served before the limit").isGreaterThanOrEqualTo(20);
        assertThat(refused).as("a flood of anonymous sessions is refused").isNotNull();
        assertThat(refused.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).matches("[1-9][0-9]*");
        assertThat(new String(refused.getResponseBodyContent())).contains("\"error\":\"too_many_requests\"");
        // None of those visitors wrote: none is a conversation in the KPIs.
        assertThat(conversationsInKpis()).isEqualTo(kpiBefore);

        // A personal link: at least 10 sessions, then 429.
        String debtorId = debtor("D-RATE", Map.of());
        String token = driver.token(debtorId);
        WebchatDriver.Session session = null;
        for (int i = 0; i < 10; i++) {
            session = driver.open(token);
        }
        int more = 0;
        int status = 200;
        while (status == 200 && more < 40) {
            status = web.post().uri("/webchat/api/sessions").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("token", token)).exchange().expectBody().returnResult().getStatus().value();
            more++;
        }
        assertThat(status).isEqualTo(429);

        // One session: a burst of 60 messages is served, a flood is refused.
        for (int i = 0; i < 60; i++) {
            web.post().uri("/webchat/api/sessions/{id}/messages", session.sessionId()).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("text", "hola " + i)).exchange().expectStatus().isOk();
        }
        int sent = 60;
        status = 200;
        while (status == 200 && sent < 400) {
            status = web.post().uri("/webchat/api/sessions/{id}/messages", session.sessionId())
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("text", "otra vez"))
                    .exchange().expectBody().returnResult().getStatus().value();
            sent++;
        }
        assertThat(status).isEqualTo(429);
    }

    private int conversationsInKpis() {
        JsonNode kpis = driver.admin().get().uri("/api/kpis").exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        return kpis.path("conversations").asInt();
    }
}

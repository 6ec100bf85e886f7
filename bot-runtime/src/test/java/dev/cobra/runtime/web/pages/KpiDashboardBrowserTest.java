package dev.cobra.runtime.web.pages;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cobra.runtime.config.IsolatedRuntime;
import dev.cobra.runtime.conversation.WebchatDriver;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7, acceptance point 5: the KPI dashboard at {@code /kpis/} renders its charts in Chromium for a seeded
 * campaign. Seeded through the public APIs (two webchat conversations: a promise and a handoff; a payment) and
 * direct writes of the campaign's WhatsApp messages and their delivery statuses, then
 * {@code designer-ui/e2e/kpis.e2e.mjs} signs in, filters by the campaign and checks figures and charts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KpiDashboardBrowserTest {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        IsolatedRuntime.register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    WebTestClient client;
    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void theDashboardDrawsTheCampaignsKpisInChromium() throws Exception {
        BrowserScript.assumeAvailable();
        WebchatDriver chat = new WebchatDriver(client);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        chat.loadDebtor(WebchatDriver.defaultDebtor("D-KPI-1", today, Map.of("phone", "+573002220001")));
        chat.loadDebtor(WebchatDriver.defaultDebtor("D-KPI-2", today, Map.of("phone", "+573002220002", "name", "Luis Mora")));
        chat.loadDebtor(WebchatDriver.defaultDebtor("D-OTHER", today, Map.of("phone", "+573002220003", "name", "Rita Paz")));

        WebchatDriver.Session promise = chat.open(chat.token("D-KPI-1"));
        chat.say(promise, "1234");
        chat.choose(promise, "promise");
        chat.say(promise, "mañana");
        chat.say(promise, "400000");
        chat.choose(promise, "confirm_yes");
        assertThat(chat.conversation(promise.conversationId()).path("disposition").asText()).isEqualTo("PROMISE_TO_PAY");
        WebchatDriver.Session agent = chat.open(chat.token("D-KPI-2"));
        chat.say(agent, "1234");
        chat.say(agent, "quiero hablar con una persona");
        assertThat(chat.conversation(agent.conversationId()).path("status").asText()).isEqualTo("WAITING_AGENT");
        WebchatDriver.Session outside = chat.open(chat.token("D-OTHER")); // not in the campaign
        chat.say(outside, "1234");
        chat.admin().post().uri("/api/payments").contentType(MediaType.APPLICATION_JSON).bodyValue("""
                {"debtorId":"D-KPI-1","amount":400000,"currency":"COP","reference":"KPI-PAY-1"}""")
                .exchange().expectStatus().isCreated();

        // The campaign's business-initiated messages, as the campaign sender stores them, and their statuses.
        Instant now = Instant.now();
        seedCampaignMessage("CAMP-KPI", "D-KPI-1", "573002220001", "wamid.KPI1", now, true, true);
        seedCampaignMessage("CAMP-KPI", "D-KPI-2", "573002220002", "wamid.KPI2", now, true, false);

        String from = today.minusDays(1).toString();
        String to = today.plusDays(1).toString();
        JsonNode kpis = chat.admin().get().uri("/api/kpis?from={f}&to={t}&campaignId=CAMP-KPI", from, to)
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(kpis.path("conversations").asInt()).isEqualTo(2);
        assertThat(kpis.path("messages").path("sent").asInt()).isEqualTo(2);
        assertThat(kpis.at("/rates/delivery").asDouble()).isEqualTo(1.0);
        assertThat(kpis.at("/rates/read").asDouble()).isEqualTo(0.5);
        assertThat(kpis.at("/promises/made").asInt()).isEqualTo(1);
        assertThat(kpis.at("/payments/count").asInt()).isEqualTo(1);
        assertThat(kpis.path("handoffReasons").path("talk_to_agent").asInt()).isEqualTo(1);

        String baseUrl = "http://localhost:" + port;
        BrowserScript.runAndExpectPass("kpis.e2e.mjs", Map.of(
                "BASE_URL", baseUrl,
                "STAFF_USER", "admin",
                "STAFF_PASSWORD", IsolatedRuntime.ADMIN_PASSWORD,
                "KPI_QUERY", "from=" + from + "&to=" + to + "&campaignId=CAMP-KPI",
                "EXPECT_CONVERSATIONS", "2",
                "EXPECT_PROMISES", "1"), 180);
    }

    private void seedCampaignMessage(String campaignId, String debtorId, String to, String wamid, Instant at,
                                     boolean delivered, boolean read) {
        Document message = new Document("_id", new ObjectId()).append("to", to).append("debtorId", debtorId)
                .append("kind", "template").append("body", "{}").append("status", "SENT").append("wamid", wamid)
                .append("campaignId", campaignId).append("createdAt", Date.from(at)).append("sentAt", Date.from(at));
        Document status = new Document("_id", wamid).append("rank", read ? 3 : delivered ? 2 : 1)
                .append("sentAt", Date.from(at));
        if (delivered) {
            status.append("deliveredAt", Date.from(at));
        }
        if (read) {
            status.append("readAt", Date.from(at));
        }
        mongo.insert(message, "whatsapp_outbox").block(Duration.ofSeconds(10));
        mongo.insert(status, "whatsapp_message_status").block(Duration.ofSeconds(10));
    }
}

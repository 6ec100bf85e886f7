package dev.cobra.runtime.demo;

import dev.cobra.runtime.config.IsolatedRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** First start on an empty database with the demo enabled: portfolio loaded, guidance printed, links work. */
// The machine is shared and slow: allow more than WebTestClient's 5 s default per request.
@AutoConfigureWebTestClient(timeout = "PT30S")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class StartupGuideTest {

    @DynamicPropertySource
    static void demoOn(DynamicPropertyRegistry registry) {
        IsolatedRuntime.register(registry);
        registry.add("bot.demo.enabled", () -> "true");
    }

    @Autowired
    WebTestClient web;

    @Autowired
    StartupGuide guide;

    private WebTestClient admin() {
        return web.mutate().defaultHeaders(h -> h.setBasicAuth("admin", IsolatedRuntime.ADMIN_PASSWORD)).build();
    }

    @Test
    void theDemoPortfolioHasOneDebtorPerStageIncludingOneBeforeItsDueDate() {
        admin().get().uri("/api/debtors/DEMO-EARLY-CO").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.daysPastDue").isEqualTo(10).jsonPath("$.documentOnFile").isEqualTo(true);
        admin().get().uri("/api/debtors/DEMO-PREDUE-US").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.daysPastDue").isEqualTo(-3);
        admin().get().uri("/api/debtors/DEMO-MID-MX").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.daysPastDue").isEqualTo(45);
        admin().get().uri("/api/debtors/DEMO-LATE-ES").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.daysPastDue").isEqualTo(120);
    }

    @Test
    void aLaterStartOnANonEmptyDatabaseLoadsNothing() {
        admin().post().uri("/api/debtors").contentType(MediaType.APPLICATION_JSON).bodyValue("""
                [{"id":"DEMO-MID-MX","name":"Renamed","phone":"+525500000002","locale":"es-MX",
                  "timezone":"America/Mexico_City","country":"MX",
                  "debts":[{"id":"L-1","balance":1,"currency":"MXN","dueDate":"2026-01-01"}]}]""")
                .exchange().expectStatus().isOk();
        assertThat(guide.loadDemoPortfolioIfEmpty()).isFalse();
        admin().get().uri("/api/debtors/DEMO-MID-MX").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.name").isEqualTo("Renamed");
    }

    @Test
    void theBannerSaysWhereToGoAndTheDeepLinksOpenAWebchatSession(CapturedOutput output) {
        guide.run(null);
        String log = output.getAll();
        assertThat(log).contains("/console/").contains("user 'admin'; password: the value of BOT_ADMIN_PASSWORD")
                .contains("digits 1234").contains("digits 5678").contains("digits 9012");
        Matcher link = Pattern.compile("http://localhost:\\d+/chat/([A-Za-z0-9_.-]+)").matcher(log);
        assertThat(link.find()).as("a deep link in the banner").isTrue();
        web.post().uri("/webchat/api/sessions").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("token", link.group(1)))
                .exchange().expectStatus().is2xxSuccessful()
                .expectBody().jsonPath("$.sessionId").exists();
        assertThat(log).doesNotContain(IsolatedRuntime.ADMIN_PASSWORD);
    }

    @Autowired
    DemoActivity activity;

    @Test
    void theFirstRunPlaysSomeDaysOfActivitySoTheScreensAreNotEmpty() {
        activity.finished().block(java.time.Duration.ofMinutes(2));
        admin().get().uri("/api/debtors/DEMO-S01").exchange().expectStatus().isOk();
        com.fasterxml.jackson.databind.JsonNode kpis = admin().get().uri("/api/kpis").exchange().expectStatus().isOk()
                .expectBody(com.fasterxml.jackson.databind.JsonNode.class).returnResult().getResponseBody();
        assertThat(kpis.path("conversations").asInt()).as("KPIs: %s", kpis).isGreaterThanOrEqualTo(8);
        assertThat(kpis.at("/promises/made").asInt()).as("KPIs: %s", kpis).isGreaterThanOrEqualTo(1);
        assertThat(kpis.at("/payments/count").asInt()).as("KPIs: %s", kpis).isEqualTo(3);
        com.fasterxml.jackson.databind.JsonNode queue = admin().get().uri("/api/agent/queue").exchange().expectStatus().isOk()
                .expectBody(com.fasterxml.jackson.databind.JsonNode.class).returnResult().getResponseBody();
        assertThat(queue.size()).as("people waiting for an agent: %s", queue).isGreaterThanOrEqualTo(2);
        com.fasterxml.jackson.databind.JsonNode campaigns = admin().get().uri("/api/campaigns").exchange().expectStatus().isOk()
                .expectBody(com.fasterxml.jackson.databind.JsonNode.class).returnResult().getResponseBody();
        assertThat(campaigns.size()).isEqualTo(1);
        com.fasterxml.jackson.databind.JsonNode report = admin().get().uri("/api/campaigns/" + campaigns.get(0).path("id").asText())
                .exchange().expectStatus().isOk().expectBody(com.fasterxml.jackson.databind.JsonNode.class).returnResult().getResponseBody();
        assertThat(report.path("status").asText()).isEqualTo("running");
        assertThat(report.path("audience").asInt()).as("campaign: %s", report).isGreaterThanOrEqualTo(5);
        admin().get().uri("/api/debtors/DEMO-S04").exchange().expectStatus().isOk().expectBody().jsonPath("$.optedOut").isEqualTo(true);
    }
}

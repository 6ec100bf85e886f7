package dev.cobra.runtime.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cobra.runtime.channel.whatsapp.FakeGraphApi;
import dev.cobra.runtime.channel.whatsapp.WebhookSignature;
import dev.cobra.runtime.config.IsolatedRuntime;
import dev.cobra.runtime.conversation.PinnedClock;
import dev.cobra.runtime.conversation.PinnedClockConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acceptance of issue 7's contact policy with campaigns: 200 debtors across CO, MX, US and ES with mixed consent,
 * opt-outs (one undone by a new opt-in) and days past due; a campaign started on a Sunday, retried on the Tuesday
 * after CO's Monday holiday, and a second campaign the same Tuesday that meets the daily caps. The local Graph API
 * receives exactly the allowed templates, the campaign counts match, and the audit trail has one row per attempt.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "whatsapp.app-secret=campaign-secret", "whatsapp.verify-token=v", "whatsapp.access-token=test-token",
        "whatsapp.phone-number-id=PNID", "whatsapp.window-template=seguimiento_cuenta", "whatsapp.outbox.poll-interval=PT0.05S", "campaigns.poll-interval=PT0.1S"})
@Import(PinnedClockConfiguration.class)
class CampaignComplianceIntegrationTest {

    private static final String[] COUNTRIES = {"CO", "MX", "US", "ES"};
    private static final String[] ZONES = {"America/Bogota", "America/Mexico_City", "America/New_York", "Europe/Madrid"};
    /** Sunday 15 Nov 2026, 15:00 UTC: 10:00 in Bogotá, 09:00 in Mexico City, 10:00 in New York, 16:00 in Madrid. */
    private static final Instant SUNDAY = Instant.parse("2026-11-15T15:00:00Z");
    /** Tuesday 17 Nov 2026, 13:00 UTC (Monday 16 is a holiday in CO): 08:00 Bogotá, 07:00 Mexico, 08:00 NY, 14:00 Madrid. */
    private static final Instant TUESDAY = Instant.parse("2026-11-17T13:00:00Z");
    private static final LocalDate IMPORT_DAY = LocalDate.of(2026, 11, 15);
    private static final ObjectMapper JSON = new ObjectMapper();

    static FakeGraphApi graph;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        IsolatedRuntime.register(registry);
        graph = new FakeGraphApi();
        registry.add("whatsapp.graph-api-url", graph::baseUrl);
    }

    @AfterAll
    static void stopGraph() {
        graph.close();
    }

    @Autowired
    WebTestClient client;

    @Autowired
    PinnedClock clock;

    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("whatsapp")
    dev.cobra.runtime.conversation.message.OutboundChannel whatsapp;

    @org.junit.jupiter.api.BeforeEach
    void patientClient() {
        client = client.mutate().responseTimeout(Duration.ofSeconds(60)).build(); // a shared, busy build machine
    }

    // ---- the portfolio and the rules the test expects, written independently of the engine ----

    private static String country(int i) {
        return COUNTRIES[i % 4];
    }

    private static String phone(int i) {
        return "57300555" + String.format("%04d", i);
    }

    private static int daysOverdueAtImport(int i) {
        return (i * 7) % 45;
    }

    private static boolean whatsappConsent(int i) {
        return i % 5 >= 2 || i == 4;
    }

    private static boolean optedOut(int i) {
        return i % 9 == 4 && i != 4; // debtor 4 opts out and then in again
    }

    private static boolean inSegment(int i, int daysSinceImport) {
        return daysOverdueAtImport(i) + daysSinceImport <= 30;
    }

    private static boolean eligible(int i) {
        return whatsappConsent(i) && !optedOut(i);
    }

    private static List<Integer> debtors(IntPredicate filter) {
        List<Integer> list = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            if (filter.test(i)) {
                list.add(i);
            }
        }
        return list;
    }

    private static boolean contactHoursOnSunday(int i) {
        return country(i).equals("MX") || country(i).equals("US");
    }

    // ---- HTTP helpers ----

    private WebTestClient.RequestHeadersSpec<?> admin(WebTestClient.RequestHeadersSpec<?> spec) {
        return spec.headers(h -> h.setBasicAuth("admin", IsolatedRuntime.ADMIN_PASSWORD));
    }

    private JsonNode get(String uri) throws Exception {
        byte[] body = admin(client.get().uri(uri)).exchange().expectStatus().isOk().expectBody().returnResult()
                .getResponseBody();
        return JSON.readTree(body);
    }

    private JsonNode post(String uri, String body) throws Exception {
        byte[] response = admin(client.post().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue(body))
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
        return JSON.readTree(response);
    }

    private void importPortfolio() throws Exception {
        StringBuilder rows = new StringBuilder("[");
        for (int i = 0; i < 200; i++) {
            String consent = i % 5 == 1 ? "{\"sms\":{\"optedIn\":true,\"at\":\"2026-01-05T10:00:00Z\",\"source\":\"branch\"}}"
                    : whatsappConsent(i) ? "{\"whatsapp\":{\"optedIn\":true,\"at\":\"2026-01-05T10:00:00Z\",\"source\":\"web-form\"}}"
                    : "{}";
            rows.append(i == 0 ? "" : ",").append("""
                    {"id":"D%03d","name":"Deudor %d","phone":"+%s","locale":"%s","timezone":"%s","country":"%s","consent":%s,
                     "debts":[{"id":"L%d","product":"card","balance":%d.50,"currency":"USD","dueDate":"%s"}]}"""
                    .formatted(i, i, phone(i), country(i).equals("US") ? "en-US" : "es-" + country(i), ZONES[i % 4], country(i), consent, i, 100 + i,
                            IMPORT_DAY.minusDays(daysOverdueAtImport(i))));
        }
        JsonNode report = post("/api/debtors", rows.append("]").toString());
        assertThat(report.path("rejected")).as(report.toString()).isEmpty();
        for (int i : debtors(i -> i % 9 == 4)) {
            post("/api/compliance/consent", "{\"debtorId\":\"D%03d\",\"channel\":\"sms\",\"optedIn\":false,\"source\":\"call-center\"}"
                    .formatted(i));
        }
        // an opt-out is undone only by a new opt-in with its evidence
        admin(client.post().uri("/api/compliance/consent").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"debtorId\":\"D004\",\"channel\":\"whatsapp\",\"optedIn\":true}"))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.error").isEqualTo("missing_evidence");
        post("/api/compliance/consent", "{\"debtorId\":\"D004\",\"channel\":\"whatsapp\",\"optedIn\":true,"
                + "\"evidence\":\"Acepto recibir recordatorios de Cobra por WhatsApp\",\"source\":\"web-form\"}");
        JsonNode d004 = get("/api/compliance/consent?debtorId=D004");
        assertThat(d004.path("optedOut").asBoolean()).isFalse();
        assertThat(d004.path("history")).hasSize(2);
    }

    private String createCampaign(String name) throws Exception {
        return post("/api/campaigns", """
                {"name":"%s","flowId":"early","template":{"name":"cobro_recordatorio","language":"es","parameters":["debtor.firstName"]},
                 "segment":{"minDaysPastDue":0,"maxDaysPastDue":30},"channel":"whatsapp"}""".formatted(name))
                .path("id").asText();
    }

    private JsonNode awaitSettled(String id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            JsonNode report = get("/api/campaigns/" + id);
            if (report.path("counts").path("queued").asLong() == 0 && report.path("audience").isNumber()) {
                return report;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("campaign did not settle: " + report);
            }
            Thread.sleep(100);
        }
    }

    private Map<String, Integer> templatesByPhone() {
        Map<String, Integer> counts = new HashMap<>();
        for (JsonNode body : graph.sentBodies()) {
            if ("template".equals(body.path("type").asText())) {
                assertThat(body.path("template").path("name").asText()).isEqualTo("cobro_recordatorio");
                counts.merge(body.path("to").asText(), 1, Integer::sum);
            }
        }
        return counts;
    }

    private Map<String, Integer> awaitTemplates(Map<String, Integer> expected) throws Exception {
        int total = expected.values().stream().mapToInt(Integer::intValue).sum();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (templatesByPhone().values().stream().mapToInt(Integer::intValue).sum() < total
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Thread.sleep(500); // nothing more may arrive
        return templatesByPhone();
    }

    private void postSignedWebhook(String body) {
        client.post().uri("/webhooks/whatsapp").contentType(MediaType.APPLICATION_JSON)
                .header("X-Hub-Signature-256", WebhookSignature.sign("campaign-secret",
                        body.getBytes(StandardCharsets.UTF_8)))
                .bodyValue(body.getBytes(StandardCharsets.UTF_8)).exchange().expectStatus().isOk();
    }

    @Test
    void sundayThenTuesdayCampaignsSendExactlyWhatThePolicyAllows() throws Exception {
        clock.set(SUNDAY);
        importPortfolio();
        admin(client.put().uri("/api/whatsapp/templates").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"cobro_recordatorio\",\"language\":\"es\",\"category\":\"UTILITY\","
                        + "\"status\":\"APPROVED\",\"body\":\"Hola {{1}}, tenemos un mensaje sobre tu cuenta.\"}"))
                .exchange().expectStatus().isOk();

        List<Integer> audienceA = debtors(i -> inSegment(i, 0));
        List<Integer> sentSunday = debtors(i -> inSegment(i, 0) && eligible(i) && contactHoursOnSunday(i));
        List<Integer> deferredSunday = debtors(i -> inSegment(i, 0) && eligible(i) && !contactHoursOnSunday(i));
        long noConsentA = audienceA.stream().filter(i -> !optedOut(i) && !whatsappConsent(i)).count();
        long optedOutA = audienceA.stream().filter(CampaignComplianceIntegrationTest::optedOut).count();
        assertThat(sentSunday).isNotEmpty();
        assertThat(deferredSunday).isNotEmpty();
        assertThat(noConsentA).isPositive();
        assertThat(optedOutA).isPositive();

        // a CO debtor on Sunday: blocked until Tuesday 07:00 Bogotá, since Monday 16 Nov is a holiday
        int co = deferredSunday.stream().filter(i -> country(i).equals("CO")).findFirst().orElseThrow();
        JsonNode can = get("/api/compliance/can-contact?debtorId=D%03d&channel=whatsapp".formatted(co));
        assertThat(can.path("allowed").asBoolean()).isFalse();
        assertThat(can.path("reason").asText()).isEqualTo("outside_contact_hours");
        assertThat(can.path("nextAllowedAt").asText()).isEqualTo("2026-11-17T12:00:00Z");

        // campaign A: preview before starting, then start on Sunday
        String a = createCampaign("Domingo");
        JsonNode preview = get("/api/campaigns/" + a + "/preview");
        assertThat(preview.path("audience").asInt()).isEqualTo(audienceA.size());
        assertThat(preview.path("allowedNow").asInt()).isEqualTo(sentSunday.size());
        assertThat(preview.path("blockReasons").path("outside_contact_hours").asInt()).isEqualTo(deferredSunday.size());
        assertThat(preview.path("blockReasons").path("no_consent").asLong()).isEqualTo(noConsentA);
        assertThat(preview.path("blockReasons").path("opted_out").asLong()).isEqualTo(optedOutA);
        assertThat(get("/api/compliance/audit?format=json")).isEmpty(); // previews record nothing
        assertThat(preview.path("warnings").toString()).contains("Reg F"); // US debtors, no opt-out notice

        post("/api/campaigns/" + a + "/start", "");
        JsonNode reportA = awaitSettled(a);
        assertThat(reportA.path("audience").asInt()).isEqualTo(audienceA.size());
        assertThat(reportA.path("counts").path("sent").asInt()).isEqualTo(sentSunday.size());
        assertThat(reportA.path("counts").path("deferred").asInt()).isEqualTo(deferredSunday.size());
        assertThat(reportA.path("counts").path("blocked").asLong()).isEqualTo(noConsentA + optedOutA);
        assertThat(reportA.path("blockReasons").path("outside_contact_hours").asInt()).isEqualTo(deferredSunday.size());
        assertThat(reportA.path("blockReasons").path("no_consent").asLong()).isEqualTo(noConsentA);
        assertThat(reportA.path("blockReasons").path("opted_out").asLong()).isEqualTo(optedOutA);

        Map<String, Integer> expected = new HashMap<>();
        sentSunday.forEach(i -> expected.merge(phone(i), 1, Integer::sum));
        assertThat(awaitTemplates(expected)).isEqualTo(expected);

        // delivery statuses come from the status webhooks, linked through the outbound wamid
        JsonNode rows = get("/api/campaigns/" + a + "/results");
        String wamid = null;
        for (JsonNode row : rows) {
            if (!row.path("wamid").isNull() && row.path("wamid").isTextual()) {
                wamid = row.path("wamid").asText();
                break;
            }
        }
        assertThat(wamid).isNotNull();
        postSignedWebhook("""
                {"object":"whatsapp_business_account","entry":[{"id":"WABA","changes":[{"field":"messages","value":{
                 "messaging_product":"whatsapp","metadata":{"display_phone_number":"15550001111","phone_number_id":"PNID"},
                 "statuses":[{"id":"%s","status":"read","timestamp":"%d","recipient_id":"57300"}]}}]}]}"""
                .formatted(wamid, SUNDAY.getEpochSecond() + 60));
        long readDeadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (get("/api/campaigns/" + a).path("counts").path("read").asInt() != 1 && System.nanoTime() < readDeadline) {
            Thread.sleep(100);
        }
        reportA = get("/api/campaigns/" + a);
        assertThat(reportA.path("counts").path("read").asInt()).isEqualTo(1);
        assertThat(reportA.path("counts").path("sent").asInt()).isEqualTo(sentSunday.size() - 1);

        // Tuesday: the deferred CO and ES contacts are retried by the scheduler and go out
        clock.set(TUESDAY);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (get("/api/campaigns/" + a).path("counts").path("deferred").asInt() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        reportA = get("/api/campaigns/" + a);
        assertThat(reportA.path("counts").path("deferred").asInt()).isZero();
        assertThat(reportA.path("counts").path("sent").asInt() + reportA.path("counts").path("read").asInt())
                .isEqualTo(sentSunday.size() + deferredSunday.size());
        deferredSunday.forEach(i -> expected.merge(phone(i), 1, Integer::sum));

        // campaign B the same Tuesday: CO and ES debtors already had their one contact today
        List<Integer> audienceB = debtors(i -> inSegment(i, 2));
        List<Integer> sentB = debtors(i -> inSegment(i, 2) && eligible(i) && contactHoursOnSunday(i));
        List<Integer> cappedB = debtors(i -> inSegment(i, 2) && eligible(i) && !contactHoursOnSunday(i));
        String b = createCampaign("Martes");
        post("/api/campaigns/" + b + "/start", "");
        JsonNode reportB = awaitSettled(b);
        assertThat(reportB.path("audience").asInt()).isEqualTo(audienceB.size());
        assertThat(reportB.path("counts").path("sent").asInt()).isEqualTo(sentB.size());
        assertThat(reportB.path("counts").path("deferred").asInt()).isEqualTo(cappedB.size());
        assertThat(reportB.path("blockReasons").path("frequency_cap").asInt()).isEqualTo(cappedB.size());
        sentB.forEach(i -> expected.merge(phone(i), 1, Integer::sum));
        assertThat(awaitTemplates(expected)).isEqualTo(expected);

        // the audit trail: one row per attempt (A: everyone on Sunday plus the retries; B: everyone once)
        JsonNode audit = get("/api/compliance/audit?format=json&from=2026-11-01&to=2026-12-01");
        int rowsA = 0;
        int rowsB = 0;
        for (JsonNode row : audit) {
            if (a.equals(row.path("sourceId").asText())) {
                rowsA++;
            } else if (b.equals(row.path("sourceId").asText())) {
                rowsB++;
            }
            assertThat(row.path("debtorLocalTime").asText()).isNotEmpty();
            assertThat(row.path("purpose").asText()).isEqualTo("campaign");
        }
        assertThat(rowsA).isEqualTo(audienceA.size() + deferredSunday.size());
        assertThat(rowsB).isEqualTo(audienceB.size());
        assertThat(audit.size()).isEqualTo(rowsA + rowsB);
        String csv = admin(client.get().uri("/api/compliance/audit?format=csv&debtorId=D%03d".formatted(co)))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(csv.split("\r\n")).hasSize(1 + 3); // header, Sunday deferral, Tuesday send, Tuesday cap
        assertThat(csv).startsWith("id,at,debtorId,channel");
        String results = admin(client.get().uri("/api/campaigns/" + b + "/results?format=csv")).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(results.split("\r\n")).hasSize(1 + audienceB.size());

        // an agent writing first (outside the 24-hour window) passes the same policy and audit trail
        int us = sentB.stream().filter(i -> country(i).equals("US")).findFirst().orElseThrow();
        agentWritesFirst(us);
        agentWritesFirst(co);
        long agentDeadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (graph.sentBodies().stream().noneMatch(m -> "seguimiento_cuenta".equals(m.path("template").path("name").asText()))
                && System.nanoTime() < agentDeadline) {
            Thread.sleep(50);
        }
        Thread.sleep(500);
        List<String> agentTemplatesTo = graph.sentBodies().stream()
                .filter(m -> "seguimiento_cuenta".equals(m.path("template").path("name").asText()))
                .map(m -> m.path("to").asText()).toList();
        assertThat(agentTemplatesTo).containsExactly(phone(us));
        JsonNode coAudit = get("/api/compliance/audit?debtorId=D%03d".formatted(co));
        JsonNode last = coAudit.get(coAudit.size() - 1);
        assertThat(last.path("purpose").asText()).isEqualTo("agent");
        assertThat(last.path("allowed").asBoolean()).isFalse();
        assertThat(last.path("reason").asText()).isEqualTo("frequency_cap");
    }

    private void agentWritesFirst(int debtor) {
        whatsapp.deliver(new dev.cobra.runtime.conversation.message.OutboundMessage("conv-" + debtor, "whatsapp",
                "D%03d".formatted(debtor), null, "agent",
                List.of(dev.cobra.runtime.conversation.message.Reply.text("Hola, ¿podemos hablar de su cuenta?")),
                TUESDAY.minus(Duration.ofDays(3)), "es-CO")).block(Duration.ofSeconds(30));
    }
}

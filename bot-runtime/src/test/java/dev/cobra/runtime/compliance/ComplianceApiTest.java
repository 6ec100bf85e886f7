package dev.cobra.runtime.compliance;

import dev.cobra.runtime.config.IsolatedRuntime;
import dev.cobra.runtime.conversation.PinnedClock;
import dev.cobra.runtime.conversation.PinnedClockConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.time.Instant;

/**
 * The compliance and campaign HTTP surfaces: role rules (policy changes ADMIN only, nothing for AGENT), clear 400s
 * for bad input with nothing stored, 404 for unknown ids, and consent changes seen by can-contact at once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(PinnedClockConfiguration.class)
class ComplianceApiTest {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        IsolatedRuntime.register(registry);
    }

    @Autowired
    WebTestClient client;

    @Autowired
    PinnedClock clock;

    private static boolean usersCreated;

    @BeforeEach
    void setUp() {
        client = client.mutate().responseTimeout(Duration.ofSeconds(60)).build();
        // Tuesday 17 Nov 2026, 10:00 in Bogotá
        clock.set(Instant.parse("2026-11-17T15:00:00Z"));
        if (!usersCreated) {
            for (String role : new String[]{"SUPERVISOR", "AGENT"}) {
                as("admin", IsolatedRuntime.ADMIN_PASSWORD).post().uri("/api/users").contentType(MediaType.APPLICATION_JSON)
                        .bodyValue("{\"username\":\"" + role.toLowerCase() + "\",\"password\":\"password-" + role
                                + "\",\"roles\":[\"" + role + "\"]}")
                        .exchange().expectStatus().is2xxSuccessful();
            }
            as("admin", IsolatedRuntime.ADMIN_PASSWORD).post().uri("/api/debtors").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("""
                            [{"id":"C-1","name":"Ana Pérez","phone":"+573001112233","locale":"es-CO",
                              "timezone":"America/Bogota","country":"CO",
                              "debts":[{"id":"L1","product":"card","balance":120.5,"currency":"COP","dueDate":"2026-11-01"}]}]""")
                    .exchange().expectStatus().isOk();
            usersCreated = true;
        }
    }

    private WebTestClient as(String user, String password) {
        return client.mutate().defaultHeaders(h -> h.setBasicAuth(user, password)).build();
    }

    private WebTestClient admin() {
        return as("admin", IsolatedRuntime.ADMIN_PASSWORD);
    }

    private WebTestClient supervisor() {
        return as("supervisor", "password-SUPERVISOR");
    }

    @Test
    void policiesAreReadBySupervisorsAndChangedByAdminsOnly() {
        supervisor().get().uri("/api/compliance/policies").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.country=='CO')].maxPerDay").isEqualTo(1);
        String body = """
                {"zone":"America/Lima","hours":{"MONDAY":{"from":"09:00","to":"18:00"}},"maxPerDay":2}""";
        supervisor().put().uri("/api/compliance/policies/PE").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isForbidden().expectBody().jsonPath("$.error").isEqualTo("forbidden");
        as("agent", "password-AGENT").get().uri("/api/compliance/policies").exchange().expectStatus().isForbidden();
        admin().put().uri("/api/compliance/policies/PE").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"zone\":\"Mars/Olympus\",\"hours\":{\"FUNDAY\":{\"from\":\"9\",\"to\":\"x\"}},\"maxPerDay\":-1}")
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.error").isEqualTo("invalid_policy");
        admin().get().uri("/api/compliance/policies/PE").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.source").isEqualTo("product default"); // nothing stored by the bad request
        admin().put().uri("/api/compliance/policies/PE").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.maxPerDay").isEqualTo(2)
                .jsonPath("$.hours.MONDAY.from").value(v -> org.assertj.core.api.Assertions.assertThat(String.valueOf(v))
                        .startsWith("09:00"));
        admin().delete().uri("/api/compliance/policies/PE").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.maxPerDay").isEqualTo(1);
        admin().put().uri("/api/compliance/policies/Colombia").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.error").isEqualTo("invalid_country");
    }

    @Test
    void canContactFollowsTheConsentLedger() {
        admin().get().uri("/api/compliance/can-contact?debtorId=C-1&channel=whatsapp").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.allowed").isEqualTo(false).jsonPath("$.reason").isEqualTo("no_consent")
                .jsonPath("$.nextAllowedAt").doesNotExist();
        supervisor().post().uri("/api/compliance/consent").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"debtorId\":\"C-1\",\"channel\":\"whatsapp\",\"optedIn\":true,"
                        + "\"evidence\":\"Acepto mensajes de ACME por WhatsApp\",\"source\":\"web-form\"}")
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.recordedBy").isEqualTo("supervisor");
        admin().get().uri("/api/compliance/can-contact?debtorId=C-1&channel=whatsapp").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.allowed").isEqualTo(true).jsonPath("$.reason").isEqualTo("allowed");
        // an opt-out on another channel withdraws WhatsApp as well
        admin().post().uri("/api/compliance/consent").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"debtorId\":\"C-1\",\"channel\":\"email\",\"optedIn\":false}")
                .exchange().expectStatus().isOk();
        admin().get().uri("/api/compliance/can-contact?debtorId=C-1&channel=whatsapp").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.allowed").isEqualTo(false).jsonPath("$.reason").isEqualTo("opted_out");
        admin().get().uri("/api/compliance/consent?debtorId=C-1").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.optedOut").isEqualTo(true).jsonPath("$.history.length()").isEqualTo(2);
    }

    @Test
    void badRequestsAreClearAndUnknownIdsAre404() {
        admin().get().uri("/api/compliance/can-contact?debtorId=C-1&channel=pigeon").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.error").isEqualTo("invalid_channel");
        admin().get().uri("/api/compliance/can-contact?channel=whatsapp").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.error").isEqualTo("missing_debtor");
        admin().get().uri("/api/compliance/can-contact?debtorId=nobody&channel=whatsapp").exchange()
                .expectStatus().isNotFound();
        admin().post().uri("/api/compliance/consent").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"debtorId\":\"nobody\",\"channel\":\"whatsapp\",\"optedIn\":false}")
                .exchange().expectStatus().isNotFound();
        admin().post().uri("/api/compliance/consent").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"debtorId\":\"C-1\",\"channel\":\"whatsapp\",\"optedIn\":\"yes\"}")
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.error").isEqualTo("invalid_consent");
        admin().get().uri("/api/compliance/audit?from=2026-12-01&to=2026-11-01").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.error").isEqualTo("invalid_period");
        admin().get().uri("/api/compliance/audit?from=yesterday").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.error").isEqualTo("invalid_period");
        as("agent", "password-AGENT").get().uri("/api/compliance/audit").exchange().expectStatus().isForbidden();

        admin().post().uri("/api/campaigns").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"\",\"template\":{},\"segment\":{\"minDaysPastDue\":40,\"maxDaysPastDue\":30},"
                        + "\"channel\":\"fax\"}")
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.error").isEqualTo("invalid_campaign")
                .jsonPath("$.message").value(m -> org.assertj.core.api.Assertions.assertThat((String) m)
                        .contains("name").contains("flowId").contains("template").contains("channel")
                        .contains("minDaysPastDue"));
        admin().post().uri("/api/campaigns").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"x\",\"flowId\":\"early\",\"template\":{\"name\":\"nope\",\"language\":\"es\"}}")
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.error").isEqualTo("unknown_template");
        admin().post().uri("/api/campaigns").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"x\",\"flowId\":\"no_such_flow\",\"template\":{\"name\":\"nope\",\"language\":\"es\"}}")
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.error").isEqualTo("unknown_flow");
        admin().get().uri("/api/campaigns/cmp-missing").exchange().expectStatus().isNotFound();
        admin().post().uri("/api/campaigns/cmp-missing/start").exchange().expectStatus().isNotFound();
        as("agent", "password-AGENT").post().uri("/api/campaigns").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}").exchange().expectStatus().isForbidden();
    }

    @Test
    void aCampaignWithAPendingTemplateCannotStartAndStatesMoveOnlyForward() {
        admin().put().uri("/api/whatsapp/templates").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"aviso_pendiente\",\"language\":\"es\",\"category\":\"UTILITY\",\"status\":\"PENDING\"}")
                .exchange().expectStatus().isOk();
        String id = new String(admin().post().uri("/api/campaigns").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"x\",\"flowId\":\"early\",\"template\":{\"name\":\"aviso_pendiente\",\"language\":\"es\"}}")
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody())
                .replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        admin().post().uri("/api/campaigns/" + id + "/start").exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.error").isEqualTo("template_not_approved");
        admin().post().uri("/api/campaigns/" + id + "/resume").exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.error").isEqualTo("invalid_state");
        admin().post().uri("/api/campaigns/" + id + "/cancel").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("cancelled");
        admin().get().uri("/api/campaigns/" + id).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("cancelled").jsonPath("$.counts.queued").isEqualTo(0);
        admin().get().uri("/api/campaigns").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.id=='" + id + "')].status").isEqualTo("cancelled");
    }
}

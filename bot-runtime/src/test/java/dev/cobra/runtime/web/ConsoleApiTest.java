package dev.cobra.runtime.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cobra.runtime.campaign.CampaignScheduler;
import dev.cobra.runtime.campaign.CampaignSchedules;
import dev.cobra.runtime.config.IsolatedRuntime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The routes the operations console added (issue 19): staff user changes (roles, queues, disable, password resets
 * with one-time passwords, a user's own password), debtor search and conversations, a segment's live audience, the
 * webhook test delivery and the holiday list — with their role rules and clear 400/404/409 answers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsoleApiTest {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        IsolatedRuntime.register(registry);
    }

    @Autowired
    WebTestClient client;
    @Autowired
    CampaignScheduler scheduler;
    @Autowired
    CampaignSchedules schedules;

    private static boolean loaded;

    @BeforeEach
    void setUp() {
        client = client.mutate().responseTimeout(Duration.ofSeconds(60)).build();
        if (!loaded) {
            String due = LocalDate.now(ZoneOffset.UTC).minusDays(10).toString();
            admin().post().uri("/api/debtors").contentType(MediaType.APPLICATION_JSON).bodyValue("""
                    [{"id":"S-1","name":"Ana Pérez","phone":"+573001112233","email":"ana@example.com","locale":"es-CO",
                      "timezone":"America/Bogota","country":"CO",
                      "consent":{"whatsapp":{"optedIn":true,"at":"2026-10-01T10:00:00Z","source":"web"}},
                      "debts":[{"id":"L1","product":"card","balance":500,"currency":"COP","dueDate":"%s"}]},
                     {"id":"S-2","name":"Luis Gómez","phone":"+525512345678","locale":"es-MX",
                      "timezone":"America/Mexico_City","country":"MX",
                      "debts":[{"id":"L2","product":"loan","balance":9000,"currency":"MXN","dueDate":"%s"}]}]"""
                    .formatted(due, due)).exchange().expectStatus().isOk();
            loaded = true;
        }
    }

    private WebTestClient as(String user, String password) {
        return client.mutate().defaultHeaders(h -> h.setBasicAuth(user, password)).build();
    }

    private WebTestClient admin() {
        return as("admin", IsolatedRuntime.ADMIN_PASSWORD);
    }

    /** The top-level ids of a JSON array answer. */
    private List<String> ids(WebTestClient.ResponseSpec spec) {
        List<String> ids = new java.util.ArrayList<>();
        json(spec).forEach(node -> ids.add(node.path("id").asText()));
        return ids;
    }

    private JsonNode json(WebTestClient.ResponseSpec spec) {
        return spec.expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    @Test
    void anAdminManagesUsersAndTheirAccessFollowsAtOnce() {
        JsonNode created = json(admin().post().uri("/api/users").contentType(MediaType.APPLICATION_JSON).bodyValue("""
                {"username":"marta","name":"Marta Díaz","roles":["AGENT"],"queues":["general","vip"],"generatePassword":true}""")
                .exchange().expectStatus().isCreated());
        String oneTime = created.path("oneTimePassword").asText();
        assertThat(oneTime).hasSize(14);
        assertThat(created.path("mustChangePassword").asBoolean()).isTrue();
        assertThat(created.path("queues").toString()).isEqualTo("[\"general\",\"vip\"]");

        JsonNode me = json(as("marta", oneTime).get().uri("/api/me").exchange().expectStatus().isOk());
        assertThat(me.path("mustChangePassword").asBoolean()).isTrue();
        assertThat(me.path("name").asText()).isEqualTo("Marta Díaz");
        JsonNode presence = json(as("marta", oneTime).get().uri("/api/agent/me/presence").exchange().expectStatus().isOk());
        assertThat(presence.path("queues").toString()).as("an agent starts from the queues an admin gave").isEqualTo("[\"general\",\"vip\"]");

        as("marta", oneTime).post().uri("/api/me/password").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("currentPassword", "wrong-one", "newPassword", "marta-own-pass"))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.error").isEqualTo("wrong_current_password");
        as("marta", oneTime).post().uri("/api/me/password").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("currentPassword", oneTime, "newPassword", "marta-own-pass"))
                .exchange().expectStatus().isOk();
        as("marta", oneTime).get().uri("/api/me").exchange().expectStatus().isUnauthorized();
        assertThat(json(as("marta", "marta-own-pass").get().uri("/api/me").exchange().expectStatus().isOk())
                .path("mustChangePassword").asBoolean()).isFalse();

        // Roles change at once (the sign-in cache is dropped): an agent made supervisor may read the portfolio.
        as("marta", "marta-own-pass").get().uri("/api/debtors?limit=1").exchange().expectStatus().isForbidden();
        JsonNode changed = json(admin().patch().uri("/api/users/marta").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("roles", List.of("AGENT", "SUPERVISOR"))).exchange().expectStatus().isOk());
        assertThat(changed.path("roles").toString()).isEqualTo("[\"AGENT\",\"SUPERVISOR\"]");
        as("marta", "marta-own-pass").get().uri("/api/debtors?limit=1").exchange().expectStatus().isOk();

        // Disabled: no more sign-ins; enabled again: back in.
        admin().patch().uri("/api/users/marta").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("disabled", true))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.disabled").isEqualTo(true);
        as("marta", "marta-own-pass").get().uri("/api/me").exchange().expectStatus().isUnauthorized();
        admin().patch().uri("/api/users/marta").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("disabled", false))
                .exchange().expectStatus().isOk();
        as("marta", "marta-own-pass").get().uri("/api/me").exchange().expectStatus().isOk();

        // An admin's reset: a one-time password replaces the old one at once.
        String reset = json(admin().post().uri("/api/users/marta/password").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isOk()).path("oneTimePassword").asText();
        as("marta", "marta-own-pass").get().uri("/api/me").exchange().expectStatus().isUnauthorized();
        as("marta", reset).get().uri("/api/me").exchange().expectStatus().isOk();

        // Only admins change users; nobody locks themselves out; bad input and unknown users are clear.
        as("marta", reset).patch().uri("/api/users/marta").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("roles", List.of("ADMIN"))).exchange().expectStatus().isForbidden();
        admin().patch().uri("/api/users/admin").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("disabled", true))
                .exchange().expectStatus().isEqualTo(409).expectBody().jsonPath("$.error").isEqualTo("self_lockout");
        admin().patch().uri("/api/users/admin").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("roles", List.of("AGENT")))
                .exchange().expectStatus().isEqualTo(409);
        admin().patch().uri("/api/users/marta").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("roles", List.of("BOSS")))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.error").isEqualTo("invalid_roles");
        admin().patch().uri("/api/users/marta").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("queues", List.of("no spaces")))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.error").isEqualTo("invalid_queues");
        admin().patch().uri("/api/users/nobody").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("disabled", true))
                .exchange().expectStatus().isNotFound();
        admin().post().uri("/api/users/nobody/password").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isNotFound();
        admin().post().uri("/api/users").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"username\":\"nopass\",\"roles\":[\"AGENT\"]}").exchange().expectStatus().isBadRequest();
        JsonNode list = json(admin().get().uri("/api/users").exchange().expectStatus().isOk());
        assertThat(list.toString()).doesNotContain("passwordHash").doesNotContain("oneTimePassword");
    }

    @Test
    void debtorsAreFoundByIdNameEmailOrPhoneDigits() {
        assertThat(ids(admin().get().uri("/api/debtors?q=ana@").exchange().expectStatus().isOk()))
                .containsExactly("S-1");
        assertThat(ids(admin().get().uri("/api/debtors?q=GÓMEZ").exchange().expectStatus().isOk()))
                .containsExactly("S-2");
        assertThat(ids(admin().get().uri("/api/debtors?q=551 234").exchange().expectStatus().isOk()))
                .containsExactly("S-2");
        assertThat(ids(admin().get().uri("/api/debtors?q=s-").exchange().expectStatus().isOk()))
                .containsExactly("S-1", "S-2");
        assertThat(ids(admin().get().uri("/api/debtors?q=.*").exchange().expectStatus().isOk())).as("regex is literal").isEmpty();
        admin().get().uri("/api/debtors?q=").exchange().expectStatus().isBadRequest();
        assertThat(json(admin().get().uri("/api/debtors/S-1/conversations").exchange().expectStatus().isOk())).isEmpty();
    }

    @Test
    void aSegmentsAudienceIsCountedWithTheReasonsItWouldBeBlocked() {
        JsonNode all = json(admin().post().uri("/api/campaigns/audience").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"segment\":{\"minDaysPastDue\":0,\"maxDaysPastDue\":30},\"channel\":\"whatsapp\"}")
                .exchange().expectStatus().isOk());
        assertThat(all.path("audience").asInt()).isEqualTo(2);
        assertThat(all.at("/blockReasons/no_consent").asInt()).as("S-2 has no WhatsApp consent").isEqualTo(1);
        JsonNode mexico = json(admin().post().uri("/api/campaigns/audience").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"segment\":{\"country\":\"mx\"}}").exchange().expectStatus().isOk());
        assertThat(mexico.path("audience").asInt()).isEqualTo(1);
        admin().post().uri("/api/campaigns/audience").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"segment\":{\"minDaysPastDue\":5,\"maxDaysPastDue\":1}}")
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.error").isEqualTo("invalid_segment");
        as("admin", "wrong").post().uri("/api/campaigns/audience").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isUnauthorized();
    }

    @Test
    void theWebhookTestEventIsQueuedOnlyOnceAWebhookIsSaved() {
        admin().post().uri("/api/webhooks/test").exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.error").isEqualTo("webhook_not_configured");
        admin().put().uri("/api/webhooks/settings").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("url", "http://127.0.0.1:9/none", "secret", "a-long-signing-secret-1")).exchange().expectStatus().isOk();
        JsonNode queued = json(admin().post().uri("/api/webhooks/test").exchange().expectStatus().isAccepted());
        assertThat(queued.path("eventId").asText()).hasSize(24);
    }

    @Test
    void aScheduledCampaignStartsByItselfWhenDue() {
        admin().put().uri("/api/whatsapp/templates").contentType(MediaType.APPLICATION_JSON).bodyValue("""
                {"name":"aviso","language":"es","category":"UTILITY","status":"APPROVED","body":"Hola {{1}}"}""")
                .exchange().expectStatus().isOk();
        String id = json(admin().post().uri("/api/campaigns").contentType(MediaType.APPLICATION_JSON).bodyValue("""
                {"name":"Programada","flowId":"early","template":{"name":"aviso","language":"es","parameters":["debtor.firstName"]},
                 "segment":{"country":"CO"}}""").exchange().expectStatus().isOk()).path("id").asText();
        String path = "/api/campaigns/" + id + "/schedule";
        admin().put().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("startAt", "2020-01-01T00:00:00Z"))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.error").isEqualTo("invalid_start");
        admin().put().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("startAt", "tomorrow"))
                .exchange().expectStatus().isBadRequest();
        admin().get().uri(path).exchange().expectStatus().isNotFound();
        Instant soon = Instant.now().plusSeconds(3600);
        admin().put().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("startAt", soon.toString()))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.by").isEqualTo("admin");
        assertThat(scheduler.startDue().block(Duration.ofSeconds(30))).as("not due yet").isZero();

        // Due now (as if the hour had passed): the scheduler starts it once, however often it looks.
        schedules.set(id, Instant.now().minusSeconds(1), "admin").block(Duration.ofSeconds(10));
        assertThat(scheduler.startDue().block(Duration.ofSeconds(30))).isEqualTo(1);
        assertThat(scheduler.startDue().block(Duration.ofSeconds(30))).isZero();
        admin().get().uri("/api/campaigns/" + id).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("running").jsonPath("$.audience").isEqualTo(1);
        admin().get().uri(path).exchange().expectStatus().isNotFound();
        admin().put().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("startAt", soon.toString()))
                .exchange().expectStatus().isEqualTo(409);
        admin().post().uri("/api/campaigns/" + id + "/cancel").exchange().expectStatus().isOk();
    }

    @Test
    void holidaysAreListedPerCountryAndYear() {
        JsonNode co = json(admin().get().uri("/api/compliance/holidays?country=co&year=2026").exchange().expectStatus().isOk());
        assertThat(co.path("holidays").toString()).contains("2026-01-01", "2026-11-16").doesNotContain("2026-11-15");
        admin().get().uri("/api/compliance/holidays?country=XYZ").exchange().expectStatus().isBadRequest();
    }
}

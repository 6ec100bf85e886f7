package dev.cobra.runtime.collections;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cobra.runtime.conversation.WebchatDriver;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debt accounts through the outside contracts: a partial payment lowers what the bot and the account state, a full
 * payment ends collection (can-contact {@code paid}, the conversation closed {@code PAID}, the debtor thanked with
 * the reference), a dispute said in a conversation holds contact until a supervisor lifts it with a note, and a
 * campaign may not put debt detail in a template for an unverified phone.
 */
class DebtAccountApiTest extends OperationsRuntimeTest {

    @Test
    void paymentsReduceWhatIsOwedAndAFullPaymentEndsCollection() {
        WebchatDriver chat = chat();
        chat.loadDebtor(WebchatDriver.defaultDebtor("D-ACC-1", WebchatDriver.today(), Map.of("phone", "+573006661001")));

        JsonNode partial = pay("D-ACC-1", 500000, "BANK-ACC-1", 201);
        assertThat(partial.path("outstanding").decimalValue()).isEqualByComparingTo("750000");
        assertThat(partial.path("paid").asBoolean()).isFalse();
        pay("D-ACC-1", 500000, "BANK-ACC-1", 200); // the same payment reported again changes nothing

        JsonNode account = account("D-ACC-1");
        JsonNode debt = account.path("debts").get(0);
        assertThat(debt.path("id").asText()).isEqualTo("L-77");
        assertThat(debt.path("balance").decimalValue()).isEqualByComparingTo("1250000");
        assertThat(debt.path("paid").decimalValue()).isEqualByComparingTo("500000");
        assertThat(debt.path("outstanding").decimalValue()).isEqualByComparingTo("750000");
        assertThat(debt.path("status").asText()).isEqualTo("PARTIALLY_PAID");
        assertThat(account.path("payments")).hasSize(1);
        assertThat(account.path("payments").get(0).path("reference").asText()).isEqualTo("BANK-ACC-1");
        assertThat(account.path("holds")).isEmpty();

        // The bot states what is outstanding, not the imported balance.
        WebchatDriver.Session session = chat.open(chat.token("D-ACC-1"));
        String balance = chat.say(session, "1234").text();
        assertThat(balance).contains("750.000").doesNotContain("1.250.000");
        canContact("D-ACC-1", true, null);

        JsonNode full = pay("D-ACC-1", 750000, "BANK-ACC-2", 201);
        assertThat(full.path("paid").asBoolean()).isTrue();
        assertThat(account("D-ACC-1").path("debts").get(0).path("status").asText()).isEqualTo("PAID");
        canContact("D-ACC-1", false, "paid");
        JsonNode conversation = chat.conversation(session.conversationId());
        assertThat(conversation.path("status").asText()).isEqualTo("CLOSED");
        assertThat(conversation.path("disposition").asText()).isEqualTo("PAID");
        assertThat(chat.transcript(session).toString()).contains("BANK-ACC-2");

        // A reversed payment makes it owed again.
        JsonNode reversed = chat.admin().post().uri("/api/payments/BANK-ACC-2/reversal").exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(reversed.path("outstanding").decimalValue()).isEqualByComparingTo("750000");
        canContact("D-ACC-1", true, null);

        chat.admin().post().uri("/api/payments").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"debtorId\":\"D-NOBODY\",\"amount\":1,\"currency\":\"COP\",\"reference\":\"X-1\"}")
                .exchange().expectStatus().isNotFound().expectBody().jsonPath("$.error").isEqualTo("not_found");
        chat.admin().get().uri("/api/debtors/D-NOBODY/account").exchange().expectStatus().isNotFound();
    }

    @Test
    void aDisputeSaidInTheChatHoldsContactUntilASupervisorLiftsItWithANote() {
        WebchatDriver chat = chat();
        chat.loadDebtor(WebchatDriver.defaultDebtor("D-ACC-2", WebchatDriver.today(), Map.of("phone", "+573006661002")));
        canContact("D-ACC-2", true, null);

        WebchatDriver.Session session = chat.open(chat.token("D-ACC-2"));
        chat.say(session, "1234");
        chat.say(session, "no reconozco esa deuda, yo no debo eso");
        chat.say(session, "nunca saqué esa tarjeta, el cobro está mal");

        canContact("D-ACC-2", false, "hold:dispute");
        JsonNode account = account("D-ACC-2");
        assertThat(account.path("holds")).hasSize(1);
        JsonNode hold = account.path("holds").get(0);
        assertThat(hold.path("type").asText()).isEqualTo("dispute");
        assertThat(hold.path("by").asText()).isEqualTo("bot");
        assertThat(hold.path("since").asText()).isNotBlank();
        assertThat(account.path("debts").get(0).path("status").asText()).isEqualTo("DISPUTED");

        String agent = "acc-agent";
        chat.admin().post().uri("/api/users").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", agent, "password", "password-" + agent, "roles", List.of("AGENT")))
                .exchange().expectStatus().isCreated();
        client.mutate().defaultHeaders(h -> h.setBasicAuth(agent, "password-" + agent)).build()
                .method(org.springframework.http.HttpMethod.DELETE).uri("/api/debtors/D-ACC-2/holds/dispute")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"note\":\"x\"}")
                .exchange().expectStatus().isForbidden();
        lift("D-ACC-2", "dispute", "{}").expectStatus().isBadRequest().expectBody().jsonPath("$.error")
                .isEqualTo("missing_note");
        lift("D-ACC-2", "dispute", "{\"note\":\"Validated with the creditor: the card is the debtor's.\"}")
                .expectStatus().isOk().expectBody().jsonPath("$.liftedBy").isEqualTo("admin");
        lift("D-ACC-2", "dispute", "{\"note\":\"again\"}").expectStatus().isNotFound();

        JsonNode after = account("D-ACC-2");
        assertThat(after.path("holds")).isEmpty();
        assertThat(after.path("liftedHolds").get(0).path("note").asText()).startsWith("Validated");
        assertThat(after.path("debts").get(0).path("status").asText()).isEqualTo("OPEN");
        canContact("D-ACC-2", true, null);

        // An agent records a payment the debtor made: applied like any other, marked as the agent's.
        client.mutate().defaultHeaders(h -> h.setBasicAuth(agent, "password-" + agent)).build()
                .post().uri("/api/payments").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"debtorId\":\"D-ACC-2\",\"amount\":250000,\"currency\":\"COP\",\"reference\":\"AG-1\"}")
                .exchange().expectStatus().isCreated();
        JsonNode paid = account("D-ACC-2");
        assertThat(paid.path("payments").get(0).path("source").asText()).isEqualTo("agent:" + agent);
        assertThat(paid.path("debts").get(0).path("outstanding").decimalValue()).isEqualByComparingTo("1000000");
    }

    @Test
    void aCampaignMayNotPutDebtDetailInATemplateForAnUnverifiedPhone() {
        WebchatDriver chat = chat();
        chat.admin().put().uri("/api/whatsapp/templates").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"aviso_cuenta\",\"language\":\"es\",\"category\":\"UTILITY\",\"status\":\"APPROVED\","
                        + "\"body\":\"Hola {{1}}, tenemos un mensaje sobre tu cuenta: {{2}}\"}")
                .exchange().expectStatus().isOk();
        String refused = """
                {"name":"saldo","flowId":"early","template":{"name":"aviso_cuenta","language":"es",
                 "parameters":["debtor.firstName","debt.balance"]},"segment":{"minDaysPastDue":0,"maxDaysPastDue":30}}""";
        chat.admin().post().uri("/api/campaigns").contentType(MediaType.APPLICATION_JSON).bodyValue(refused)
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.error")
                .isEqualTo("debt_detail_before_verification");
        chat.admin().post().uri("/api/campaigns").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(refused.replace("debt.balance", "debtor.secret"))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.error").isEqualTo("invalid_campaign");

        String safe = refused.replace("\"debt.balance\"", "\"today\"");
        String id = chat.admin().post().uri("/api/campaigns").contentType(MediaType.APPLICATION_JSON).bodyValue(safe)
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody()
                .path("id").asText();
        assertThat(id).isNotBlank();
        // One mapped variable for a two-parameter template: not started, nothing filled in by position.
        String partial = refused.replace(",\"debt.balance\"", "");
        String partialId = chat.admin().post().uri("/api/campaigns").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(partial).exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult()
                .getResponseBody().path("id").asText();
        chat.admin().post().uri("/api/campaigns/" + partialId + "/start").exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.error").isEqualTo("template_parameters_unmapped");
    }

    private JsonNode pay(String debtorId, long amount, String reference, int status) {
        return chat().admin().post().uri("/api/payments").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("debtorId", debtorId, "amount", amount, "currency", "COP", "reference", reference))
                .exchange().expectStatus().isEqualTo(status).expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private JsonNode account(String debtorId) {
        return chat().admin().get().uri("/api/debtors/{id}/account", debtorId).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec lift(String debtorId, String type,
                                                                                        String body) {
        return chat().admin().method(org.springframework.http.HttpMethod.DELETE)
                .uri("/api/debtors/{id}/holds/{type}", debtorId, type)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    /** Allowed, or refused for {@code reason}; a time-based refusal (contact hours, holidays) counts as allowed. */
    private void canContact(String debtorId, boolean allowed, String reason) {
        JsonNode answer = chat().admin().get().uri("/api/compliance/can-contact?debtorId={id}&channel=whatsapp", debtorId)
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        if (allowed) {
            assertThat(answer.path("allowed").asBoolean() || answer.path("nextAllowedAt").isTextual())
                    .as("can-contact %s", answer).isTrue();
        } else {
            assertThat(answer.path("allowed").asBoolean()).isFalse();
            assertThat(answer.path("reason").asText()).isEqualTo(reason);
        }
    }
}

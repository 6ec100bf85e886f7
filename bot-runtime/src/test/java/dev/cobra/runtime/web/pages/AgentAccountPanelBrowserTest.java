package dev.cobra.runtime.web.pages;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cobra.runtime.config.IsolatedRuntime;
import dev.cobra.runtime.conversation.WebchatDriver;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15, acceptance 1: runs {@code designer-ui/e2e/agent-account.e2e.mjs} in Debian's Chromium. A debtor
 * accepts a plan of 3 installments in the chat, pays the first one, then disputes the debt in a new chat, which
 * waits for a person with a dispute hold in force. The agent opens that chat: the debtor panel states the
 * outstanding amount, the active hold and the plan schedule (dates, amounts, statuses). Skipped, visibly, only when
 * Chromium, node or the installed npm packages are missing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AgentAccountPanelBrowserTest {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        IsolatedRuntime.register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    WebTestClient client;

    @Test
    void anAgentSeesTheOutstandingAmountTheHoldsAndThePlanScheduleInTheDebtorPanel() throws Exception {
        BrowserScript.assumeAvailable();
        WebchatDriver chat = new WebchatDriver(client);
        chat.admin().post().uri("/api/users").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "marta", "password", "marta-secret-1", "roles", List.of("AGENT")))
                .exchange().expectStatus().isCreated();
        LocalDate today = LocalDate.now(ZoneId.of("America/Bogota"));
        chat.loadDebtor(WebchatDriver.defaultDebtor("D-PANEL-1", today, Map.of("phone", "+573004449901")));

        WebchatDriver.Session planChat = chat.open(chat.token("D-PANEL-1"));
        chat.say(planChat, "1234");
        chat.choose(planChat, "plan");
        assertThat(chat.say(planChat, "3 cuotas").optionIds()).contains("confirm_yes");
        chat.choose(planChat, "confirm_yes");
        chat.admin().post().uri("/api/payments").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("debtorId", "D-PANEL-1", "debtId", "L-77", "amount", 416666, "currency", "COP",
                        "reference", "BANK-PANEL-1"))
                .exchange().expectStatus().isCreated();

        WebchatDriver.Session disputeChat = chat.open(chat.token("D-PANEL-1"));
        chat.say(disputeChat, "1234");
        chat.say(disputeChat, "no reconozco esa deuda");
        chat.say(disputeChat, "nunca saque esa tarjeta, el cobro esta mal");
        assertThat(chat.conversation(disputeChat.conversationId()).path("status").asText()).isEqualTo("WAITING_AGENT");
        JsonNode account = chat.admin().get().uri("/api/debtors/D-PANEL-1/account").exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(account.path("holds").findValuesAsText("type")).as("%s", account).contains("dispute");

        LocalDate first = today.plusDays(7);
        String output = BrowserScript.runAndExpectPass("agent-account.e2e.mjs", Map.of(
                "BASE_URL", "http://localhost:" + port,
                "AGENT_USER", "marta",
                "AGENT_PASSWORD", "marta-secret-1",
                "CONVERSATION_ID", disputeChat.conversationId(),
                "OUTSTANDING_TEXT", "833.334",
                "HOLD_TYPE", "dispute",
                "INSTALLMENTS", first + "|416.666|Pagada;" + first.plusMonths(1) + "|416.666|Pendiente;"
                        + first.plusMonths(2) + "|416.668|Pendiente"), 180);
        assertThat(output).contains("e2e: installment 3");
    }
}

package dev.cobra.runtime.web.pages;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cobra.runtime.config.IsolatedRuntime;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 5, acceptance point 3: runs {@code designer-ui/e2e/console.e2e.mjs} in Debian's Chromium against this
 * application. An agent signs in to the console, sees a chat handed off after the page opened appear live, takes
 * it, answers with a canned reply, records PROMISE_TO_PAY with a date and amount and closes; the debtor's webchat
 * page shows the agent's reply live. Then the debtor comes back, asks for a person again, and the agent hands the
 * chat back to the bot at the main menu, which the debtor's page shows. Afterwards the outcome is checked through
 * the API. Skipped, visibly, only
 * when Chromium, node or the installed npm packages are missing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "bot.handoff.poll-interval=300ms")
class AgentConsoleBrowserTest {

    @DynamicPropertySource
    static void isolated(DynamicPropertyRegistry registry) {
        IsolatedRuntime.register(registry);
    }

    @LocalServerPort
    int port;

    @Test
    void anAgentTakesALiveHandoffRepliesClosesWithAPromiseToPayAndLaterHandsBackToTheBotInChromium() throws Exception {
        BrowserScript.assumeAvailable();
        String baseUrl = "http://localhost:" + port;
        WebTestClient admin = WebTestClient.bindToServer().baseUrl(baseUrl).responseTimeout(Duration.ofSeconds(30))
                .defaultHeaders(h -> h.setBasicAuth("admin", IsolatedRuntime.ADMIN_PASSWORD)).build();

        admin.post().uri("/api/users").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "lucia", "password", "lucia-secret-1", "roles", List.of("AGENT")))
                .exchange().expectStatus().isCreated();
        admin.post().uri("/api/agent/canned-replies").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("title", "Saludo", "text", "Hola {firstName}, soy {agent} y te ayudo con tu saldo de {balance} {currency}.",
                        "locale", "es"))
                .exchange().expectStatus().isCreated();
        admin.post().uri("/api/debtors").contentType(MediaType.APPLICATION_JSON).bodyValue("""
                [{"id":"D-CONSOLE","name":"Ana Pérez","phone":"+573001234567","locale":"es-CO",
                  "timezone":"America/Bogota","country":"CO","documentLast4":"1234",
                  "consent":{"whatsapp":{"optedIn":true,"at":"2026-10-01T10:00:00Z","source":"web-signup"}},
                  "debts":[{"id":"L-77","product":"Tarjeta de crédito","balance":1250000,"currency":"COP",
                            "dueDate":"%s"}]}]""".formatted(dev.cobra.runtime.conversation.WebchatDriver.today().minusDays(10)))
                .exchange().expectStatus().is2xxSuccessful();
        JsonNode link = admin.post().uri("/api/webchat/links").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"debtorId\":\"D-CONSOLE\"}").exchange().expectStatus().is2xxSuccessful()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(link).isNotNull();

        String output = BrowserScript.runAndExpectPass("console.e2e.mjs", Map.of(
                "BASE_URL", baseUrl,
                "DEEP_LINK", baseUrl + "/chat/" + link.get("token").asText(),
                "AGENT_USER", "lucia",
                "AGENT_PASSWORD", "lucia-secret-1",
                "CANNED_TITLE", "Saludo",
                "SUPERVISOR_USER", "admin",
                "SUPERVISOR_PASSWORD", IsolatedRuntime.ADMIN_PASSWORD,
                "AMOUNT_TEXT", "1.250.000"), 240);

        String conversationId = group(output, "e2e: conversation=(\\S+)");
        String promiseDate = group(output, "e2e: promise=(\\S+)");
        JsonNode context = admin.get().uri("/api/agent/conversations/{id}/context", conversationId).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(context.at("/conversation/status").asText()).as("handed back to the bot at the end").isEqualTo("BOT");
        assertThat(context.at("/conversation/step").asText()).isEqualTo("main_menu");
        assertThat(context.at("/promises/0/date").asText()).isEqualTo(promiseDate);
        assertThat(context.at("/promises/0/amount").asText()).isEqualTo("300000");
        JsonNode transcript = admin.get().uri("/api/agent/conversations/{id}/messages", conversationId).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(transcript.findValuesAsText("text"))
                .contains("Hola Ana, soy lucia y te ayudo con tu saldo de 1.250.000 COP.");
    }

    private static String group(String output, String regex) {
        Matcher m = Pattern.compile(regex).matcher(output);
        assertThat(m.find()).as("the script printed %s", regex).isTrue();
        return m.group(1);
    }
}

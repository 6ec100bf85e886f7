package dev.cobra.runtime.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cobra.runtime.CobraApplication;
import dev.cobra.runtime.config.IsolatedRuntime;
import dev.cobra.runtime.conversation.WebchatDriver.Replies;
import dev.cobra.runtime.conversation.WebchatDriver.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 2, acceptance point 4: the application is stopped mid-conversation (inside a subflow, with a stack) and a
 * new one is started on the same data directory; the conversation continues at the same step.
 */
class ConversationRestartTest {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(CobraApplication.class).run(
                "--server.port=0",
                "--bot.data-dir=" + dataDir,
                "--bot.demo.enabled=false",
                "--bot.admin.password=" + IsolatedRuntime.ADMIN_PASSWORD);
    }

    private static WebchatDriver driver(ConfigurableApplicationContext context) {
        String port = context.getEnvironment().getProperty("local.server.port");
        return new WebchatDriver(WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build());
    }

    @Test
    void aConversationContinuesAtTheSameStepAfterARestart() {
        LocalDate today = LocalDate.now(ZoneId.of("America/Bogota"));
        Session session;
        try (ConfigurableApplicationContext first = start()) {
            WebchatDriver driver = driver(first);
            driver.loadDebtor(WebchatDriver.defaultDebtor("D-RESTART", today, Map.of()));
            session = driver.open(driver.token("D-RESTART"));
            driver.say(session, "1234");
            driver.choose(session, "promise");
            JsonNode before = driver.conversation(session.conversationId());
            assertThat(before.get("flowId").asText()).isEqualTo("promise_to_pay");
            assertThat(before.get("step").asText()).isEqualTo("ask_date");
        }

        try (ConfigurableApplicationContext second = start()) {
            WebchatDriver driver = driver(second);
            JsonNode after = driver.conversation(session.conversationId());
            assertThat(after.get("flowId").asText()).isEqualTo("promise_to_pay");
            assertThat(after.get("step").asText()).isEqualTo("ask_date");
            assertThat(after.get("verified").asBoolean()).isTrue();

            Replies askAmount = driver.say(session, "el viernes");
            assertThat(askAmount.text()).contains("1.250.000");
            driver.say(session, "300000");
            Replies done = driver.choose(session, "confirm_yes");

            assertThat(done.replies()).isNotEmpty();
            JsonNode closed = driver.conversation(session.conversationId());
            assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
            assertThat(closed.get("disposition").asText()).isEqualTo("PROMISE_TO_PAY");
            assertThat(closed.get("flowId").asText()).as("back in the stage flow's stack after the subflow").isNotBlank();
            assertThat(driver.transcript(session).size()).isGreaterThan(6);
        }
    }
}

package dev.cobra.runtime.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cobra.runtime.config.IsolatedRuntime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Opt-out wins everywhere: a debtor who opted out elsewhere (here the consent ledger, as an SMS STOP or an email
 * unsubscribe also records it), or a number someone said is not the debtor's, gets no debt content in a conversation
 * they start themselves: no greeting by name, no identity question, no balance; only an acknowledgement.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BarredDebtorConversationTest {

    @DynamicPropertySource
    static void isolated(DynamicPropertyRegistry registry) {
        IsolatedRuntime.register(registry);
    }

    @Autowired
    WebTestClient web;

    @Test
    void aDebtorWhoOptedOutElsewhereHearsOnlyAnAcknowledgementInTheirOwnChat() {
        WebchatDriver driver = new WebchatDriver(web);
        driver.loadDebtor(WebchatDriver.defaultDebtor("D-BARRED-1", WebchatDriver.today(), Map.of()));
        driver.admin().post().uri("/api/compliance/consent").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("debtorId", "D-BARRED-1", "channel", "sms", "optedIn", false,
                        "source", "sms-stop"))
                .exchange().expectStatus().isOk();

        WebchatDriver.Session session = driver.open(driver.token("D-BARRED-1"));
        assertNoDebtContent(session.opening());
        WebchatDriver.Replies answer = driver.say(session, "hola cuanto debo?? quiero pagar el 15");
        assertNoDebtContent(answer);

        JsonNode conversation = driver.conversation(session.conversationId());
        assertThat(conversation.path("status").asText()).isEqualTo("CLOSED");
        assertThat(conversation.path("disposition").asText()).isEqualTo("OPTED_OUT");
        assertThat(conversation.path("optedOut").asBoolean()).isTrue();
    }

    @Test
    void aNumberMarkedAsTheWrongPersonGetsNoDebtContentInALaterChat() {
        WebchatDriver driver = new WebchatDriver(web);
        driver.loadDebtor(WebchatDriver.defaultDebtor("D-BARRED-2", WebchatDriver.today(), Map.of()));
        WebchatDriver.Session first = driver.open(driver.token("D-BARRED-2"));
        driver.say(first, "no soy ana, este numero es equivocado");
        assertThat(driver.conversation(first.conversationId()).path("disposition").asText()).isEqualTo("WRONG_PARTY");

        WebchatDriver.Session later = driver.open(driver.token("D-BARRED-2"));
        assertNoDebtContent(later.opening());
        assertNoDebtContent(driver.say(later, "hola buenas, q necesitan?"));
        assertThat(driver.conversation(later.conversationId()).path("disposition").asText()).isEqualTo("WRONG_PARTY");
    }

    private static void assertNoDebtContent(WebchatDriver.Replies replies) {
        String text = replies.text().toLowerCase(java.util.Locale.ROOT);
        assertThat(replies.replies()).as("an acknowledgement is said").isNotEmpty();
        assertThat(text).doesNotContain("ana").doesNotContain("1.250.000").doesNotContain("1250000")
                .doesNotContain("saldo").doesNotContain("dígitos").doesNotContain("digitos")
                .doesNotContain("tarjeta");
        assertThat(replies.optionIds()).isEmpty();
    }
}

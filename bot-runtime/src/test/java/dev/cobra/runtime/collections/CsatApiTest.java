package dev.cobra.runtime.collections;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cobra.runtime.conversation.WebchatDriver;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CSAT through the outside contracts: asked once when the bot itself closed the conversation with a promise, the
 * answer counted in {@code GET /api/kpis}; never asked after an opt-out.
 */
class CsatApiTest extends OperationsRuntimeTest {

    @Test
    void theBotAsksOnceAfterAPromiseAndTheAnswerIsCountedNeverAfterAnOptOut() {
        WebchatDriver chat = chat();
        JsonNode before = csat();
        chat.loadDebtor(WebchatDriver.defaultDebtor("D-CSAT-1", WebchatDriver.today(), Map.of("phone", "+573006662001")));
        WebchatDriver.Session session = chat.open(chat.token("D-CSAT-1"));
        chat.say(session, "1234");
        chat.choose(session, "promise");
        chat.say(session, "el viernes");
        chat.say(session, "300000");
        WebchatDriver.Replies closing = chat.choose(session, "confirm_yes");
        assertThat(chat.conversation(session.conversationId()).path("disposition").asText()).isEqualTo("PROMISE_TO_PAY");
        assertThat(closing.optionIds()).as("the last turn: %s", closing).contains("csat_up", "csat_down");

        WebchatDriver.Replies thanks = chat.choose(session, "csat_up");
        assertThat(thanks.text()).contains("Gracias");
        assertThat(thanks.optionIds()).doesNotContain("csat_up");

        JsonNode after = csat();
        assertThat(after.path("asked").asInt()).isEqualTo(before.path("asked").asInt() + 1);
        assertThat(after.path("answered").asInt()).isEqualTo(before.path("answered").asInt() + 1);
        assertThat(after.path("positive").asInt()).isEqualTo(before.path("positive").asInt() + 1);
        assertThat(after.path("positiveRate").asDouble()).isBetween(0.0, 1.0);

        chat.loadDebtor(WebchatDriver.defaultDebtor("D-CSAT-2", WebchatDriver.today(), Map.of("phone", "+573006662002")));
        WebchatDriver.Session optOut = chat.open(chat.token("D-CSAT-2"));
        chat.say(optOut, "1234");
        WebchatDriver.Replies last = chat.say(optOut, "ya no quiero recibir mensajes, no me escriban más");
        assertThat(chat.conversation(optOut.conversationId()).path("optedOut").asBoolean()).isTrue();
        assertThat(last.optionIds()).doesNotContain("csat_up");
        assertThat(csat().path("asked").asInt()).isEqualTo(after.path("asked").asInt());
    }

    private JsonNode csat() {
        return chat().admin().get().uri("/api/kpis").exchange().expectStatus().isOk().expectBody(JsonNode.class)
                .returnResult().getResponseBody().path("csat");
    }
}

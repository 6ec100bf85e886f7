package dev.cobra.runtime.handoff;

import dev.cobra.runtime.conversation.state.ConversationState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class WhatsAppWindowTest {

    private static final Instant NOW = Instant.parse("2026-11-20T15:00:00Z");

    private static ConversationState chat(String channel, Instant lastInbound) {
        ConversationState state = ConversationState.start("c_1", channel, "D-1", "573001234567", "es-CO", NOW);
        state.lastInboundAt(lastInbound);
        return state;
    }

    @Test
    void aWhatsAppChatIsOpenForFreeFormRepliesWithinTwentyFourHoursOfTheDebtorsLastMessage() {
        assertThat(HandoffService.windowOpen(chat("whatsapp", NOW.minus(Duration.ofHours(23))), NOW)).isTrue();
        assertThat(HandoffService.windowOpen(chat("whatsapp", NOW.minus(Duration.ofHours(25))), NOW)).isFalse();
        assertThat(HandoffService.windowOpen(chat("whatsapp", null), NOW)).isFalse();
    }

    @Test
    void webchatHasNoWindow() {
        assertThat(HandoffService.windowOpen(chat("webchat", null), NOW)).isTrue();
    }

    @Test
    void onlyTheProductsDispositionsAreAccepted() {
        assertThat(Dispositions.isKnown("PROMISE_TO_PAY")).isTrue();
        assertThat(Dispositions.isKnown("promise_to_pay")).isFalse();
        assertThat(Dispositions.isKnown(null)).isFalse();
        assertThat(Dispositions.ALL).hasSize(12);
    }
}

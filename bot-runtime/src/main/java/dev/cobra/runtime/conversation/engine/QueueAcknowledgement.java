package dev.cobra.runtime.conversation.engine;

import dev.cobra.runtime.conversation.state.ConversationState;
import dev.cobra.runtime.conversation.state.ConversationStatus;

import java.time.Duration;
import java.time.Instant;

/**
 * While a chat waits in the agents' queue, debtors write again ("hola?", "sigo esperando"). Their message goes to the
 * agent as it is; the bot adds a short word that they are in line, at most once per {@link #INTERVAL} of the wait, so
 * that waiting is neither silence nor noise. Once an agent owns the chat (AGENT) the bot says nothing, and nothing is
 * said to a debtor who opted out.
 */
final class QueueAcknowledgement {

    /** The shortest time between two acknowledgements in one wait. */
    static final Duration INTERVAL = Duration.ofMinutes(10);

    private QueueAcknowledgement() {
    }

    static void sayIfDue(TurnRun run) {
        ConversationState state = run.state;
        if (state.status() != ConversationStatus.WAITING_AGENT || state.optedOut()
                || (run.context.debtor() != null && run.context.debtor().optedOut())) {
            return;
        }
        Instant now = run.context.now();
        if (!due(state, now)) {
            return;
        }
        state.queueAckAt(now);
        run.fired("queue:acknowledged");
        run.say(RuntimeTexts.stillInQueue(run.locale()));
    }

    /** Not yet in this wait (an acknowledgement before the handoff belongs to an earlier one), or long enough ago. */
    private static boolean due(ConversationState state, Instant now) {
        Instant last = state.queueAckAt();
        if (last == null) {
            return true;
        }
        Instant waitingSince = state.handoff() == null ? null : state.handoff().at();
        return (waitingSince != null && last.isBefore(waitingSince)) || !now.isBefore(last.plus(INTERVAL));
    }
}

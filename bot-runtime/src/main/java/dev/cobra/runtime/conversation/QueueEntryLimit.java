package dev.cobra.runtime.conversation;

import dev.cobra.runtime.conversation.message.Reply;
import dev.cobra.runtime.conversation.engine.TurnOutcome;
import dev.cobra.runtime.conversation.state.ConversationState;
import dev.cobra.runtime.conversation.state.ConversationStatus;
import dev.cobra.runtime.conversation.state.ConversationStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One agent-queue entry per debtor and reason. A turn that hands a debtor's conversation off while another of their
 * conversations already waits for (or is with) an agent for the same reason does not queue a second one: it is
 * closed and the debtor is told their request is already waiting. Without this, one deep link opened in many
 * sessions (each failing verification, say) would flood the agents' queue.
 */
final class QueueEntryLimit {

    private static final Logger log = LoggerFactory.getLogger(QueueEntryLimit.class);

    private final ConversationStore store;

    QueueEntryLimit(ConversationStore store) {
        this.store = store;
    }

    Mono<TurnOutcome> apply(ConversationStatus before, ConversationState state, TurnOutcome outcome) {
        if (state.status() != ConversationStatus.WAITING_AGENT || before == ConversationStatus.WAITING_AGENT
                || state.debtorId() == null || state.handoff() == null) {
            return Mono.just(outcome);
        }
        String reason = state.handoff().reason();
        return store.findByDebtor(state.debtorId())
                .filter(other -> !other.id().equals(state.id()) && other.handoff() != null
                        && Objects.equals(reason, other.handoff().reason())
                        && (other.status() == ConversationStatus.WAITING_AGENT || other.status() == ConversationStatus.AGENT))
                .next()
                .map(waiting -> {
                    log.info("conversation.handoff.duplicate conversation={} waiting={} reason={}", state.id(), waiting.id(), reason);
                    state.status(ConversationStatus.CLOSED);
                    state.slots().put("duplicateOf", waiting.id());
                    List<Reply> replies = new ArrayList<>(outcome.replies());
                    replies.add(Reply.text(alreadyWaiting(state.locale())));
                    return new TurnOutcome(replies, outcome.debtorText());
                })
                .defaultIfEmpty(outcome);
    }

    static String alreadyWaiting(String locale) {
        return locale != null && locale.toLowerCase(Locale.ROOT).startsWith("en")
                ? "You already have a request waiting with our team, so we are not opening another one. A person will "
                + "follow up on it; there is nothing else you need to do."
                : "Ya tienes una solicitud en espera con nuestro equipo, así que no abrimos otra. Una persona le dará "
                + "seguimiento; no necesitas hacer nada más.";
    }
}

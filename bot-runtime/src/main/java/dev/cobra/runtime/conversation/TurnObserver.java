package dev.cobra.runtime.conversation;

import dev.cobra.runtime.conversation.message.Reply;
import dev.cobra.runtime.conversation.engine.TurnContext;
import dev.cobra.runtime.conversation.engine.TurnInput;
import dev.cobra.runtime.conversation.state.ConversationState;
import dev.cobra.runtime.conversation.state.ConversationStatus;
import dev.cobra.runtime.conversation.state.Handoff;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * Takes part in a debtor's turn around the flow engine, for what the outcome of a conversation means outside the
 * flow: a hold when the debtor disputes, complains or reports hardship, the satisfaction question when the bot
 * resolved the conversation itself, and its answer. Observers run in order; each is told the state before the
 * engine ran, so they see what this turn changed.
 */
public interface TurnObserver {

    /**
     * Before the engine: an answer to the message that replaces the flow's (e.g. a satisfaction rating after the
     * conversation ended), or empty to let the flow run.
     */
    default Mono<Intercepted> before(ConversationState state, TurnInput input, TurnContext context) {
        return Mono.empty();
    }

    /** After the engine, before the state is saved: replies to add at the end of the turn (none by default). */
    default Mono<List<Reply>> after(Snapshot before, ConversationState state, TurnContext context) {
        return Mono.just(List.of());
    }

    /** A message answered without the flow: how it reads in the transcript and the replies. */
    record Intercepted(String debtorText, List<Reply> replies) {
    }

    /** What a turn may change, as it was before the engine ran. */
    record Snapshot(ConversationStatus status, String disposition, Handoff handoff, String agent, boolean optedOut) {

        public static Snapshot of(ConversationState state) {
            return new Snapshot(state.status(), state.disposition(), state.handoff(), state.agent(), state.optedOut());
        }
    }
}

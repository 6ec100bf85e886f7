package dev.cobra.runtime.conversation.engine;

import dev.cobra.runtime.conversation.state.ConversationState;
import reactor.core.publisher.Mono;

/**
 * Runs flows on a conversation's state. Implementations mutate the given state (the caller persists it) and
 * never block the calling thread.
 */
public interface FlowEngine {

    /** Starts a fresh run: the debtor's stage flow (or the anonymous flow) from its entry, until it waits. */
    Mono<TurnOutcome> start(ConversationState state, TurnContext context);

    /** Runs one turn for a debtor message. */
    Mono<TurnOutcome> handle(ConversationState state, TurnInput input, TurnContext context);

    /**
     * Gives a handed-off conversation back to the bot (an agent's release): the bot continues at {@code stepId}
     * of the current flow, or, when null, asks the interrupted question again (a waiting step) or continues where
     * the interrupted subflow would have returned. Verification and slots are kept.
     *
     * @return error {@link IllegalArgumentException} when {@code stepId} is not a step of the current flow
     */
    Mono<TurnOutcome> resume(ConversationState state, String stepId, TurnContext context);
}

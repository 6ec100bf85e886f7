package dev.cobra.runtime.conversation;

import dev.cobra.runtime.conversation.message.InboundMessage;
import reactor.core.publisher.Mono;

/**
 * The single entry point of every channel into the bot: runs one turn per inbound message, one at a time
 * per conversation and in arrival order, persists the state and hands the replies to the conversation's
 * {@link dev.cobra.runtime.conversation.message.OutboundChannel}.
 */
public interface TurnHandler {

    /**
     * Resolves (or starts) the conversation for the message, runs the turn and returns what the bot said.
     * While an agent owns the conversation the bot says nothing and the replies are empty.
     */
    Mono<TurnResult> handle(InboundMessage message);

    /**
     * Starts a new conversation and runs its opening turn: the debtor's stage flow, or the anonymous-visitor flow
     * when {@code debtorId} is null. Used by channels that open a conversation before the debtor writes (webchat).
     */
    Mono<TurnResult> open(String channel, String debtorId, String externalUserId);

    /**
     * Hands a conversation back to the bot (an agent's release) and runs the bot's turn from {@code stepId}, or
     * from the interrupted step when null; the replies are delivered on the conversation's channel.
     *
     * @return empty when the conversation does not exist; error {@link IllegalArgumentException} for an unknown step
     */
    Mono<TurnResult> resume(String conversationId, String stepId);
}

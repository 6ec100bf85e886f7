package dev.cobra.runtime.conversation;

import dev.cobra.runtime.conversation.message.Reply;

import java.util.List;

/**
 * What one turn produced.
 *
 * @param locale the conversation's language after the turn (it follows the debtor's), or null when unknown
 */
public record TurnResult(String conversationId, List<Reply> replies, String locale) {

    public TurnResult {
        replies = List.copyOf(replies);
    }

    public TurnResult(String conversationId, List<Reply> replies) {
        this(conversationId, replies, null);
    }
}

package dev.cobra.runtime.conversation;

import dev.cobra.runtime.channel.Reply;

import java.util.List;

/** What one turn produced. */
public record TurnResult(String conversationId, List<Reply> replies) {

    public TurnResult {
        replies = List.copyOf(replies);
    }
}

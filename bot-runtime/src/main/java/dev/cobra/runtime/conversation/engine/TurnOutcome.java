package dev.cobra.runtime.conversation.engine;

import dev.cobra.runtime.channel.Reply;

import java.util.List;

/**
 * What one turn produced.
 *
 * @param replies    what the bot says, in order
 * @param debtorText how the debtor's message reads in the transcript (the option title when an option was
 *                   chosen), or null for an opening turn
 */
public record TurnOutcome(List<Reply> replies, String debtorText) {

    public TurnOutcome {
        replies = List.copyOf(replies);
    }
}

package dev.cobra.runtime.conversation.engine;

import dev.cobra.runtime.conversation.message.Reply;

import java.util.List;

/**
 * What one turn produced.
 *
 * @param replies    what the bot says, in order
 * @param debtorText how the debtor's message reads in the transcript (the option title when an option was
 *                   chosen), or null for an opening turn
 * @param behaviours the repair behaviours that fired (e.g. {@code digression:ask_balance}, {@code correction},
 *                   {@code cancel}, {@code completion}, {@code slot_prefill:promiseDate}), for the simulator
 */
public record TurnOutcome(List<Reply> replies, String debtorText, List<String> behaviours) {

    public TurnOutcome {
        replies = List.copyOf(replies);
        behaviours = behaviours == null ? List.of() : List.copyOf(behaviours);
    }

    public TurnOutcome(List<Reply> replies, String debtorText) {
        this(replies, debtorText, List.of());
    }
}

package dev.cobra.runtime.conversation.state;

import org.bson.Document;

import java.util.List;

/**
 * What the last turn driven by a channel delivery wrote, kept in the conversation document and saved atomically
 * with the state it produced. If the process dies after that save but before the turn's log entries, outbound
 * messages or the delivery's "done" mark were written, the redelivered message is recognised by
 * {@code inboundId} and the turn is finished from here instead of being run a second time (kill -9 check,
 * docs/reliability.md).
 *
 * @param inboundId      the channel's id of the message that drove the turn (WhatsApp's {@code wamid})
 * @param entries        the message-log entries of the turn: the debtor's message, then the replies
 * @param channelRecords what the channel stores for the replies when it prepared them before the save (WhatsApp:
 *                       the outbox messages, claimed when they were sent at once); empty when the replies were
 *                       delivered after the save
 */
public record LastTurn(String inboundId, List<TranscriptEntry> entries, List<Document> channelRecords) {

    public LastTurn {
        entries = List.copyOf(entries);
        channelRecords = channelRecords == null ? List.of() : List.copyOf(channelRecords);
    }

    public LastTurn(String inboundId, List<TranscriptEntry> entries) {
        this(inboundId, entries, List.of());
    }
}

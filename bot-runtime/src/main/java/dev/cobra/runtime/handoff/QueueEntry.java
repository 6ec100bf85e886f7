package dev.cobra.runtime.handoff;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.Comparator;

/**
 * One chat in the agents' queue or in an agent's hands.
 *
 * @param position       1 for the chat that has waited longest (0 once claimed)
 * @param waitingSeconds since the handoff
 * @param suggestedAgent the least-busy available agent with the queue's skill and room for one more chat, if any
 * @param unread         in "my chats": messages since the agent last read or wrote
 * @param needsReplySince in "my chats": since when the debtor waits for the agent's answer (null: not waiting)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QueueEntry(String conversationId, String channel, String debtorId, String status, String queue,
                         String reason, Instant since, long waitingSeconds, int position, String agent,
                         String suggestedAgent, Long unread, Instant needsReplySince, Instant lastDebtorMessageAt) {

    /**
     * "My chats" order: chats waiting for the agent's answer first, the longest waiting first; then the rest, the
     * most recent debtor message first.
     */
    static final Comparator<QueueEntry> NEEDS_ATTENTION_FIRST = Comparator
            .comparing((QueueEntry e) -> e.needsReplySince() == null)
            .thenComparing(QueueEntry::needsReplySince, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(QueueEntry::lastDebtorMessageAt, Comparator.nullsLast(Comparator.reverseOrder()));

    public QueueEntry(String conversationId, String channel, String debtorId, String status, String queue,
                      String reason, Instant since, long waitingSeconds, int position, String agent,
                      String suggestedAgent) {
        this(conversationId, channel, debtorId, status, queue, reason, since, waitingSeconds, position, agent,
                suggestedAgent, null, null, null);
    }

    /** The entry with what "my chats" adds: unread messages and since when the debtor waits for an answer. */
    QueueEntry attention(long unread, Instant needsReplySince, Instant lastDebtorMessageAt) {
        return new QueueEntry(conversationId, channel, debtorId, status, queue, reason, since, waitingSeconds, position,
                agent, suggestedAgent, unread, needsReplySince, lastDebtorMessageAt);
    }
}

package dev.cobra.runtime.handoff;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * One chat in the agents' queue or in an agent's hands.
 *
 * @param position       1 for the chat that has waited longest (0 once claimed)
 * @param waitingSeconds since the handoff
 * @param suggestedAgent the least-busy available agent with the queue's skill and room for one more chat, if any
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QueueEntry(String conversationId, String channel, String debtorId, String status, String queue,
                         String reason, Instant since, long waitingSeconds, int position, String agent,
                         String suggestedAgent) {
}

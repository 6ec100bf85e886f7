package dev.cobra.runtime.handoff;

import java.time.Instant;
import java.util.List;

/**
 * An agent's availability and skills.
 *
 * @param status   {@code available} or {@code away}
 * @param queues   the queues this agent serves; empty means every queue
 * @param maxChats how many chats the agent may own at once
 */
public record AgentPresence(String username, String status, List<String> queues, int maxChats, Instant updatedAt) {

    public static final String AVAILABLE = "available";
    public static final String AWAY = "away";

    public AgentPresence {
        queues = queues == null ? List.of() : List.copyOf(queues);
    }

    boolean available() {
        return AVAILABLE.equals(status);
    }

    boolean serves(String queue) {
        return queues.isEmpty() || queues.contains(queue);
    }
}

package dev.cobra.runtime.conversation.state;

import java.time.Instant;

/** Why and where a conversation waits for a human. */
public record Handoff(String queue, String reason, Instant at) {
}

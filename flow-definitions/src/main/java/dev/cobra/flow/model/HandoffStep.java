package dev.cobra.flow.model;

import java.util.List;

/**
 * Hands the conversation to a human: status WAITING_AGENT in {@code queue} with {@code reason}. The bot is
 * silent until an agent releases it.
 */
public record HandoffStep(String id, String queue, String reason, LocalizedText text) implements Step {

    @Override
    public String type() {
        return "handoff";
    }

    @Override
    public List<Transition> transitions() {
        return List.of();
    }
}

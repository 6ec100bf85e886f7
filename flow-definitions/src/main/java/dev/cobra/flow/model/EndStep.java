package dev.cobra.flow.model;

import java.util.List;

/** Says a closing text and ends the conversation with a disposition (kept if one was already set when null). */
public record EndStep(String id, Disposition disposition, LocalizedText text) implements Step {

    @Override
    public String type() {
        return "end";
    }

    @Override
    public List<Transition> transitions() {
        return List.of();
    }
}

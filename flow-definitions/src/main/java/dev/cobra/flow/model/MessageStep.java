package dev.cobra.flow.model;

import java.util.List;

/** Says something and moves on without waiting. */
public record MessageStep(String id, LocalizedText text, String next) implements Step {

    @Override
    public String type() {
        return "message";
    }

    @Override
    public List<Transition> transitions() {
        return next == null ? List.of() : List.of(new Transition(Transition.NEXT, next, ""));
    }
}

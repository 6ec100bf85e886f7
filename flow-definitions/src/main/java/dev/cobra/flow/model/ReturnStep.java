package dev.cobra.flow.model;

import java.util.List;

/** Ends a subflow and returns to the calling step's {@code next}. In a top-level flow it acts as an end. */
public record ReturnStep(String id) implements Step {

    @Override
    public String type() {
        return "return";
    }

    @Override
    public List<Transition> transitions() {
        return List.of();
    }
}

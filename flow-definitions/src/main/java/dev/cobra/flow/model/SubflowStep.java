package dev.cobra.flow.model;

import java.util.List;

/** Calls another flow from its entry; when it reaches a {@code return} step, continues at {@code next}. */
public record SubflowStep(String id, String flow, String next) implements Step {

    @Override
    public String type() {
        return "subflow";
    }

    @Override
    public List<Transition> transitions() {
        return next == null ? List.of() : List.of(new Transition("return", next, "↩ " + flow));
    }
}

package dev.cobra.flow.model;

import java.util.List;

/**
 * Says something and moves on without waiting.
 *
 * @param text  the message; optional when {@code media} is given
 * @param media an image or document sent after the text, or null
 */
public record MessageStep(String id, LocalizedText text, StepMedia media, String next) implements Step {

    @Override
    public String type() {
        return "message";
    }

    @Override
    public List<Transition> transitions() {
        return next == null ? List.of() : List.of(new Transition(Transition.NEXT, next, ""));
    }
}

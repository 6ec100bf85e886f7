package dev.cobra.flow.model;

/**
 * A labelled edge from one step to another in the same flow.
 *
 * @param event  the event that fires it, unique per source step, e.g. {@code next}, {@code option:pay},
 *               {@code intent:pay_now}, {@code branch:0}, {@code else}, {@code invalid}, {@code fail}
 * @param target the target step id
 * @param label  what the designer's graph shows on the edge
 */
public record Transition(String event, String target, String label) {

    public static final String NEXT = "next";
}

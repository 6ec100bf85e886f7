package dev.cobra.flow.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Asks for a typed value and stores it in a slot.
 *
 * @param slot        slot name the value is stored under
 * @param entity      expected entity type
 * @param text        the question
 * @param invalidText said when the answer is missing or out of bounds, before asking again
 * @param retries     how many invalid answers are re-asked before {@code onFail} (default 2)
 * @param next        where a valid answer goes
 * @param onFail      where to go after the retries are spent (default: hand off)
 */
public record InputStep(String id, String slot, EntityType entity, LocalizedText text, InputValidation validation,
                        LocalizedText invalidText, Integer retries, String next, String onFail) implements Step {

    public static final int DEFAULT_RETRIES = 2;

    public InputStep {
        retries = retries == null ? DEFAULT_RETRIES : retries;
    }

    @Override
    public String type() {
        return "input";
    }

    @Override
    public boolean waitsForInput() {
        return true;
    }

    @Override
    public List<Transition> transitions() {
        List<Transition> result = new ArrayList<>();
        if (next != null) {
            result.add(new Transition(Transition.NEXT, next, slot));
        }
        if (onFail != null) {
            result.add(new Transition("fail", onFail, "fail"));
        }
        return result;
    }
}

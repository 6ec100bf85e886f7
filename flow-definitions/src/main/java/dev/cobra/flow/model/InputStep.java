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
 * @param fillFrom    entities that fill the slot when the debtor already said them (in the message that chose
 *                    the branch or earlier); null means the step's own entity for date, amount and installments,
 *                    an empty list turns prefilling off
 * @param reprompt    the short question asked again after a digression (default: {@code text})
 */
public record InputStep(String id, String slot, EntityType entity, LocalizedText text, InputValidation validation,
                        LocalizedText invalidText, Integer retries, String next, String onFail,
                        List<String> fillFrom, LocalizedText reprompt) implements Step {

    public static final int DEFAULT_RETRIES = 2;

    public InputStep {
        retries = retries == null ? DEFAULT_RETRIES : retries;
        fillFrom = fillFrom == null ? null : List.copyOf(fillFrom);
    }

    /** The entity names whose remembered values fill this step's slot without asking. */
    public List<String> prefillEntities() {
        if (fillFrom != null) {
            return fillFrom;
        }
        if (entity == EntityType.DATE || entity == EntityType.AMOUNT || entity == EntityType.INSTALLMENTS) {
            return List.of(entity.yamlName());
        }
        return List.of();
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

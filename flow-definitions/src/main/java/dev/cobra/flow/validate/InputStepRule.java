package dev.cobra.flow.validate;

import dev.cobra.flow.model.EntityType;
import dev.cobra.flow.model.Flow;
import dev.cobra.flow.model.InputStep;
import dev.cobra.flow.model.InputValidation;
import dev.cobra.flow.model.Step;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * An input step must name its slot and entity, and its validation must fit the entity: {@code min}/{@code max}
 * (numbers or variable paths) for amounts and installments, {@code maxDaysAhead} for dates, {@code pattern}
 * (a valid regular expression) for text and document. Codes {@code missing_slot}, {@code missing_entity},
 * {@code bad_validation}, {@code negative_retries}.
 */
public final class InputStepRule implements ValidationRule {

    public static final String MISSING_SLOT = "missing_slot";
    public static final String MISSING_ENTITY = "missing_entity";
    public static final String BAD_VALIDATION = "bad_validation";
    public static final String NEGATIVE_RETRIES = "negative_retries";

    private static final Pattern SLOT_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    @Override
    public List<FlowProblem> check(Flow flow, Set<String> knownFlowIds) {
        List<FlowProblem> problems = new ArrayList<>();
        for (Step step : flow.steps().values()) {
            if (step instanceof InputStep input) {
                checkInput(flow, input, problems);
            }
        }
        return problems;
    }

    private static void checkInput(Flow flow, InputStep input, List<FlowProblem> problems) {
        String where = "Input step '" + input.id() + "'";
        if (input.slot() == null || !SLOT_NAME.matcher(input.slot()).matches()) {
            problems.add(new FlowProblem(flow.id(), input.id(), MISSING_SLOT, where + " needs a 'slot' name made of letters, digits and _"));
        }
        if (input.entity() == null) {
            problems.add(new FlowProblem(flow.id(), input.id(), MISSING_ENTITY, where + " needs an 'entity' (date, amount, installments, text, document)"));
        }
        if (input.retries() < 0) {
            problems.add(new FlowProblem(flow.id(), input.id(), NEGATIVE_RETRIES, where + " has negative 'retries'"));
        }
        InputValidation validation = input.validation();
        if (validation == null || input.entity() == null) {
            return;
        }
        EntityType entity = input.entity();
        boolean numeric = entity == EntityType.AMOUNT || entity == EntityType.INSTALLMENTS;
        if (!numeric && (validation.min() != null || validation.max() != null)) {
            problems.add(bad(flow, input, "min/max only apply to amount and installments, not " + entity.yamlName()));
        }
        for (String bound : new String[]{validation.min(), validation.max()}) {
            if (numeric && bound != null) {
                String problem = boundProblem(bound);
                if (problem != null) {
                    problems.add(bad(flow, input, problem));
                }
            }
        }
        if (validation.maxDaysAhead() != null && (entity != EntityType.DATE || validation.maxDaysAhead() < 0)) {
            problems.add(bad(flow, input, "maxDaysAhead must be zero or more and only applies to dates"));
        }
        if (validation.pattern() != null) {
            if (entity != EntityType.TEXT && entity != EntityType.DOCUMENT) {
                problems.add(bad(flow, input, "pattern only applies to text and document"));
            }
            try {
                Pattern.compile(validation.pattern());
            } catch (PatternSyntaxException e) {
                problems.add(bad(flow, input, "pattern is not a valid regular expression: " + e.getDescription()));
            }
        }
    }

    private static String boundProblem(String bound) {
        try {
            new BigDecimal(bound.trim());
            return null;
        } catch (NumberFormatException notANumber) {
            String problem = KnownVariables.problemWith(bound.trim());
            return problem == null ? null : "bound '" + bound + "' is neither a number nor a known variable: " + problem;
        }
    }

    private static FlowProblem bad(Flow flow, InputStep input, String message) {
        return new FlowProblem(flow.id(), input.id(), BAD_VALIDATION, "Input step '" + input.id() + "': " + message);
    }
}

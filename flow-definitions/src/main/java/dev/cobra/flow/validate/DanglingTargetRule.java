package dev.cobra.flow.validate;

import dev.cobra.flow.model.ActionStep;
import dev.cobra.flow.model.ConditionStep;
import dev.cobra.flow.model.Flow;
import dev.cobra.flow.model.InputStep;
import dev.cobra.flow.model.MenuOption;
import dev.cobra.flow.model.MenuStep;
import dev.cobra.flow.model.MessageStep;
import dev.cobra.flow.model.Step;
import dev.cobra.flow.model.Transition;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Every transition must lead to a step of the same flow, and steps that move on must say where.
 * Codes {@code unknown_target} (a target that does not exist) and {@code missing_target} (a message, action,
 * input, condition or menu option with nowhere to go). A subflow step may omit {@code next} when the called
 * flow always ends the conversation.
 */
public final class DanglingTargetRule implements ValidationRule {

    public static final String UNKNOWN = "unknown_target";
    public static final String MISSING = "missing_target";

    @Override
    public List<FlowProblem> check(Flow flow, Set<String> knownFlowIds) {
        List<FlowProblem> problems = new ArrayList<>();
        for (Step step : flow.steps().values()) {
            for (Transition transition : step.transitions()) {
                if (transition.target() != null && flow.step(transition.target()).isEmpty()) {
                    problems.add(new FlowProblem(flow.id(), step.id(), UNKNOWN, "Step '" + step.id() + "' goes to '"
                            + transition.target() + "' (" + transition.event() + "), which is not a step of this flow"));
                }
            }
            String missing = missingTarget(step);
            if (missing != null) {
                problems.add(new FlowProblem(flow.id(), step.id(), MISSING, "Step '" + step.id() + "' " + missing));
            }
        }
        return problems;
    }

    private static String missingTarget(Step step) {
        if (step instanceof MessageStep s && blank(s.next())) {
            return "has no 'next' step";
        }
        if (step instanceof ActionStep s && blank(s.next())) {
            return "has no 'next' step";
        }
        if (step instanceof InputStep s && blank(s.next())) {
            return "has no 'next' step for a valid answer";
        }
        if (step instanceof ConditionStep s) {
            if (blank(s.otherwise())) {
                return "has no 'otherwise' step for when no branch holds";
            }
            for (int i = 0; i < s.branches().size(); i++) {
                if (blank(s.branches().get(i).next())) {
                    return "has no 'next' in branch " + (i + 1);
                }
            }
        }
        if (step instanceof MenuStep s) {
            for (MenuOption option : s.options()) {
                if (blank(option.next())) {
                    return "has no 'next' for option '" + option.id() + "'";
                }
            }
        }
        return null;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}

package dev.cobra.flow.validate;

import dev.cobra.flow.expr.ConditionExpression;
import dev.cobra.flow.expr.ConditionSyntaxException;
import dev.cobra.flow.model.ConditionBranch;
import dev.cobra.flow.model.ConditionStep;
import dev.cobra.flow.model.Flow;
import dev.cobra.flow.model.Step;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Every branch of a condition step must parse and read only variables the engine supplies.
 * Codes {@code bad_condition} (syntax), {@code unknown_variable}, {@code empty_condition} (no branches).
 */
public final class ConditionExpressionRule implements ValidationRule {

    public static final String BAD_CONDITION = "bad_condition";
    public static final String UNKNOWN_VARIABLE = "unknown_variable";
    public static final String EMPTY = "empty_condition";

    @Override
    public List<FlowProblem> check(Flow flow, Set<String> knownFlowIds) {
        List<FlowProblem> problems = new ArrayList<>();
        for (Step step : flow.steps().values()) {
            if (!(step instanceof ConditionStep condition)) {
                continue;
            }
            if (condition.branches().isEmpty()) {
                problems.add(new FlowProblem(flow.id(), step.id(), EMPTY,
                        "Condition step '" + step.id() + "' has no branches"));
            }
            for (int i = 0; i < condition.branches().size(); i++) {
                ConditionBranch branch = condition.branches().get(i);
                try {
                    for (String path : ConditionExpression.parse(branch.when()).paths()) {
                        String problem = KnownVariables.problemWith(path);
                        if (problem != null) {
                            problems.add(new FlowProblem(flow.id(), step.id(), UNKNOWN_VARIABLE,
                                    "Branch " + (i + 1) + " of step '" + step.id() + "': " + problem));
                        }
                    }
                } catch (ConditionSyntaxException e) {
                    problems.add(new FlowProblem(flow.id(), step.id(), BAD_CONDITION, "Branch " + (i + 1)
                            + " of step '" + step.id() + "' is not a valid condition: " + e.getMessage()));
                }
            }
        }
        return problems;
    }
}

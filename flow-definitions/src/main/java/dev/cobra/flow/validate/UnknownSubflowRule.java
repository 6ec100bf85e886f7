package dev.cobra.flow.validate;

import dev.cobra.flow.model.Flow;
import dev.cobra.flow.model.Step;
import dev.cobra.flow.model.SubflowStep;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A subflow step must call a flow that exists. Codes {@code missing_subflow}, {@code unknown_subflow}. */
public final class UnknownSubflowRule implements ValidationRule {

    public static final String MISSING = "missing_subflow";
    public static final String UNKNOWN = "unknown_subflow";

    @Override
    public List<FlowProblem> check(Flow flow, Set<String> knownFlowIds) {
        List<FlowProblem> problems = new ArrayList<>();
        for (Step step : flow.steps().values()) {
            if (!(step instanceof SubflowStep subflow)) {
                continue;
            }
            if (subflow.flow() == null || subflow.flow().isBlank()) {
                problems.add(new FlowProblem(flow.id(), step.id(), MISSING,
                        "Subflow step '" + step.id() + "' does not say which 'flow' to call"));
            } else if (!knownFlowIds.contains(subflow.flow()) && !subflow.flow().equals(flow.id())) {
                problems.add(new FlowProblem(flow.id(), step.id(), UNKNOWN, "Subflow step '" + step.id()
                        + "' calls flow '" + subflow.flow() + "', which does not exist"));
            }
        }
        return problems;
    }
}

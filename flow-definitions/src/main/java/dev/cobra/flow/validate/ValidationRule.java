package dev.cobra.flow.validate;

import dev.cobra.flow.model.Flow;

import java.util.List;
import java.util.Set;

/** One check of a flow. Rules never throw on odd input: whatever is wrong is reported as a problem. */
public interface ValidationRule {

    /**
     * @param knownFlowIds ids of every flow that can be called as a subflow (including this one)
     * @return the problems found, empty when the flow passes this rule
     */
    List<FlowProblem> check(Flow flow, Set<String> knownFlowIds);
}

package dev.cobra.flow.validate;

import dev.cobra.flow.model.Flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Global routes may only map the global intents, and each target must be a step of this flow or
 * {@code flow:<id>} of an existing flow. Codes {@code unknown_global_intent}, {@code unknown_route_target}.
 */
public final class GlobalRoutesRule implements ValidationRule {

    /** The intents honoured in every waiting step (PRODUCT.md, intent inventory). */
    public static final Set<String> GLOBAL_INTENTS = Set.of("opt_out", "complaint", "talk_to_agent", "wrong_person");
    /** Prefix of a route target that calls another flow as a subflow. */
    public static final String FLOW_PREFIX = "flow:";

    public static final String UNKNOWN_INTENT = "unknown_global_intent";
    public static final String UNKNOWN_TARGET = "unknown_route_target";

    @Override
    public List<FlowProblem> check(Flow flow, Set<String> knownFlowIds) {
        List<FlowProblem> problems = new ArrayList<>();
        for (Map.Entry<String, String> route : flow.globalRoutes().entrySet()) {
            String intent = route.getKey();
            String target = route.getValue();
            if (!GLOBAL_INTENTS.contains(intent)) {
                problems.add(new FlowProblem(flow.id(), null, UNKNOWN_INTENT, "Global route '" + intent
                        + "' is not a global intent; use one of " + GLOBAL_INTENTS));
            }
            if (target == null || target.isBlank()) {
                problems.add(new FlowProblem(flow.id(), null, UNKNOWN_TARGET, "Global route '" + intent + "' has no target"));
            } else if (target.startsWith(FLOW_PREFIX)) {
                String called = target.substring(FLOW_PREFIX.length());
                if (!knownFlowIds.contains(called) && !called.equals(flow.id())) {
                    problems.add(new FlowProblem(flow.id(), null, UNKNOWN_TARGET, "Global route '" + intent
                            + "' calls flow '" + called + "', which does not exist"));
                }
            } else if (flow.step(target).isEmpty()) {
                problems.add(new FlowProblem(flow.id(), null, UNKNOWN_TARGET, "Global route '" + intent
                        + "' goes to '" + target + "', which is not a step of this flow"));
            }
        }
        return problems;
    }
}

package dev.cobra.flow.validate;

import dev.cobra.flow.model.Flow;
import dev.cobra.flow.model.Step;
import dev.cobra.flow.model.Transition;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every step must be reachable from the entry or from a global route (those are entered from any waiting
 * step). Code {@code unreachable_step}.
 */
public final class UnreachableStepRule implements ValidationRule {

    public static final String CODE = "unreachable_step";

    @Override
    public List<FlowProblem> check(Flow flow, Set<String> knownFlowIds) {
        Set<String> reached = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>();
        if (flow.entry() != null) {
            pending.add(flow.entry());
        }
        flow.globalRoutes().values().stream().filter(target -> !target.startsWith(GlobalRoutesRule.FLOW_PREFIX))
                .forEach(pending::add);
        while (!pending.isEmpty()) {
            String id = pending.poll();
            Step step = flow.steps().get(id);
            if (step == null || !reached.add(id)) {
                continue;
            }
            for (Transition transition : step.transitions()) {
                if (transition.target() != null) {
                    pending.add(transition.target());
                }
            }
        }
        List<FlowProblem> problems = new ArrayList<>();
        for (String id : flow.steps().keySet()) {
            if (!reached.contains(id)) {
                problems.add(new FlowProblem(flow.id(), id, CODE,
                        "Step '" + id + "' cannot be reached from the entry step or a global route"));
            }
        }
        return problems;
    }
}

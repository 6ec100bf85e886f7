package dev.cobra.flow.validate;

import dev.cobra.flow.model.Flow;
import dev.cobra.flow.model.Step;
import dev.cobra.flow.model.SubflowStep;
import dev.cobra.flow.model.Transition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A cycle made only of steps that do not wait for the debtor (message, condition, action, ...) would spin
 * within one turn until the engine's step limit stops it. Reported once per cycle, on its first step in
 * declaration order, naming the steps. Code {@code loop_without_input}.
 */
public final class LoopWithoutInputRule implements ValidationRule {

    public static final String CODE = "loop_without_input";

    @Override
    public List<FlowProblem> check(Flow flow, Set<String> knownFlowIds) {
        List<FlowProblem> problems = new ArrayList<>();
        Set<String> reported = new HashSet<>();
        for (Step step : flow.steps().values()) {
            if (breaksLoop(step) || reported.contains(step.id())) {
                continue;
            }
            Set<String> cycle = cycleThrough(flow, step.id());
            if (!cycle.isEmpty()) {
                reported.addAll(cycle);
                problems.add(new FlowProblem(flow.id(), step.id(), CODE, "Steps " + cycle
                        + " form a loop with no menu or input step, so the bot would never stop to listen"));
            }
        }
        return problems;
    }

    /** The steps of a non-waiting path from {@code start} back to itself, in path order; empty when none. */
    private static Set<String> cycleThrough(Flow flow, String start) {
        Map<String, String> parent = new HashMap<>();
        List<String> frontier = new ArrayList<>(List.of(start));
        Set<String> seen = new HashSet<>();
        while (!frontier.isEmpty()) {
            List<String> next = new ArrayList<>();
            for (String id : frontier) {
                for (String target : nonWaitingTargets(flow, id)) {
                    if (target.equals(start)) {
                        return path(parent, id, start);
                    }
                    if (seen.add(target)) {
                        parent.put(target, id);
                        next.add(target);
                    }
                }
            }
            frontier = next;
        }
        return Set.of();
    }

    private static List<String> nonWaitingTargets(Flow flow, String id) {
        Step step = flow.steps().get(id);
        List<String> result = new ArrayList<>();
        if (step == null || breaksLoop(step)) {
            return result;
        }
        for (Transition transition : step.transitions()) {
            Step target = transition.target() == null ? null : flow.steps().get(transition.target());
            if (target != null && !breaksLoop(target)) {
                result.add(target.id());
            }
        }
        return result;
    }

    /** Waiting steps stop a turn; a subflow call usually does too (its own loops are checked in that flow). */
    private static boolean breaksLoop(Step step) {
        return step.waitsForInput() || step instanceof SubflowStep;
    }

    private static Set<String> path(Map<String, String> parent, String last, String start) {
        List<String> reversed = new ArrayList<>();
        for (String id = last; id != null && !id.equals(start); id = parent.get(id)) {
            reversed.add(id);
        }
        reversed.add(start);
        Set<String> ordered = new LinkedHashSet<>();
        for (int i = reversed.size() - 1; i >= 0; i--) {
            ordered.add(reversed.get(i));
        }
        return ordered;
    }
}

package dev.cobra.flow.validate;

import dev.cobra.flow.model.Flow;
import dev.cobra.flow.model.MenuStep;
import dev.cobra.flow.model.RepairSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The {@code repair} block: digression answers only for intents that are not global (a global intent is always
 * routed, never answered in passing), and a cancel target that is a menu step of this flow. Codes
 * {@code bad_digression_intent}, {@code unknown_cancel_target}.
 */
public final class RepairSettingsRule implements ValidationRule {

    public static final String BAD_DIGRESSION_INTENT = "bad_digression_intent";
    public static final String UNKNOWN_CANCEL_TARGET = "unknown_cancel_target";

    @Override
    public List<FlowProblem> check(Flow flow, Set<String> knownFlowIds) {
        List<FlowProblem> problems = new ArrayList<>();
        RepairSettings repair = flow.repair();
        for (String intent : repair.answers().keySet()) {
            if (GlobalRoutesRule.GLOBAL_INTENTS.contains(intent) || !intent.matches("[a-z][a-z0-9_]*")) {
                problems.add(new FlowProblem(flow.id(), null, BAD_DIGRESSION_INTENT, "repair.answers: '" + intent
                        + "' cannot be answered in passing (global intents are always routed)"));
            }
        }
        String target = repair.cancelTarget();
        if (target != null && !(flow.steps().get(target) instanceof MenuStep)) {
            problems.add(new FlowProblem(flow.id(), null, UNKNOWN_CANCEL_TARGET, "repair.cancelTarget '" + target
                    + "' is not a menu step of this flow"));
        }
        return problems;
    }
}

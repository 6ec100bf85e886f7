package dev.cobra.flow.validate;

import dev.cobra.flow.model.Flow;
import dev.cobra.flow.model.Step;
import dev.cobra.flow.model.SubflowStep;
import dev.cobra.flow.model.Transition;
import dev.cobra.flow.template.TemplateReference;
import dev.cobra.flow.template.TemplateRenderer;
import dev.cobra.flow.template.TemplateSyntaxException;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Nothing about the debt may be said before the person is verified (PRODUCT.md, right-party verification).
 * In a stage flow (one with a {@code selection}), a step whose texts read {@code debt.*} or {@code link} must
 * not be reachable from the entry, or from a global route, without passing a call of the
 * {@value #VERIFICATION_FLOW} subflow. Code {@code debt_before_verification}.
 */
public final class DebtBeforeVerificationRule implements ValidationRule {

    public static final String CODE = "debt_before_verification";
    /** The subflow that verifies the right party. */
    public static final String VERIFICATION_FLOW = "verification";

    @Override
    public List<FlowProblem> check(Flow flow, Set<String> knownFlowIds) {
        if (flow.selection() == null) {
            return List.of();
        }
        Set<String> disclosing = disclosingSteps(flow);
        Set<String> reached = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>();
        if (flow.entry() != null) {
            pending.add(flow.entry());
        }
        flow.globalRoutes().values().stream().filter(t -> !t.startsWith(GlobalRoutesRule.FLOW_PREFIX)).forEach(pending::add);
        while (!pending.isEmpty()) {
            String id = pending.poll();
            Step step = flow.steps().get(id);
            if (step == null || !reached.add(id)) {
                continue;
            }
            if (step instanceof SubflowStep call && VERIFICATION_FLOW.equals(call.flow())) {
                continue; // what follows the verification call is allowed to disclose
            }
            for (Transition transition : step.transitions()) {
                if (transition.target() != null) {
                    pending.add(transition.target());
                }
            }
        }
        List<FlowProblem> problems = new ArrayList<>();
        for (String id : flow.steps().keySet()) {
            if (reached.contains(id) && disclosing.contains(id)) {
                problems.add(new FlowProblem(flow.id(), id, CODE, "Step '" + id + "' tells about the debt but can be "
                        + "reached before the '" + VERIFICATION_FLOW + "' subflow; call it first"));
            }
        }
        return problems;
    }

    private static Set<String> disclosingSteps(Flow flow) {
        Set<String> result = new HashSet<>();
        for (StepTexts.StepText text : StepTexts.of(flow)) {
            for (String value : text.text().byLocale().values()) {
                try {
                    for (TemplateReference reference : TemplateRenderer.references(value)) {
                        if (reference.path().startsWith("debt.") || reference.path().equals("link")) {
                            result.add(text.stepId());
                        }
                    }
                } catch (TemplateSyntaxException e) {
                    // reported by TemplateVariablesRule
                }
            }
        }
        return result;
    }
}

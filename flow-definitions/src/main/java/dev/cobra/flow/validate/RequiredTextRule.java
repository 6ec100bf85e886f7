package dev.cobra.flow.validate;

import dev.cobra.flow.model.Flow;
import dev.cobra.flow.model.HandoffStep;
import dev.cobra.flow.model.InputStep;
import dev.cobra.flow.model.LocalizedText;
import dev.cobra.flow.model.MenuStep;
import dev.cobra.flow.model.MessageStep;
import dev.cobra.flow.model.Step;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Steps that speak must have something to say, and a handoff must name its queue: a message (unless it sends
 * media), menu or input without text would leave the debtor facing silence. Codes {@code missing_text}, {@code missing_queue}.
 */
public final class RequiredTextRule implements ValidationRule {

    public static final String MISSING_TEXT = "missing_text";
    public static final String MISSING_QUEUE = "missing_queue";

    @Override
    public List<FlowProblem> check(Flow flow, Set<String> knownFlowIds) {
        List<FlowProblem> problems = new ArrayList<>();
        for (Step step : flow.steps().values()) {
            LocalizedText text = null;
            boolean speaks = true;
            if (step instanceof MessageStep s) {
                text = s.text();
                speaks = s.media() == null; // a media message may stand without a text
            } else if (step instanceof MenuStep s) {
                text = s.text();
            } else if (step instanceof InputStep s) {
                text = s.text();
            } else {
                speaks = false;
            }
            if (speaks && (text == null || text.isEmpty() || text.byLocale().values().stream().allMatch(String::isBlank))) {
                problems.add(new FlowProblem(flow.id(), step.id(), MISSING_TEXT,
                        "Step '" + step.id() + "' (" + step.type() + ") has no text"));
            }
            if (step instanceof HandoffStep handoff && (handoff.queue() == null || handoff.queue().isBlank())) {
                problems.add(new FlowProblem(flow.id(), step.id(), MISSING_QUEUE,
                        "Handoff step '" + step.id() + "' does not name a 'queue'"));
            }
        }
        return problems;
    }
}

package dev.cobra.flow.validate;

import dev.cobra.flow.model.ActionStep;
import dev.cobra.flow.model.ActionType;
import dev.cobra.flow.model.Disposition;
import dev.cobra.flow.model.Flow;
import dev.cobra.flow.model.Step;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An action step must name a built-in action and give the parameters it needs (docs/flow-language.md).
 * Codes {@code missing_action}, {@code missing_param}, {@code bad_param}.
 */
public final class ActionParamsRule implements ValidationRule {

    public static final String MISSING_ACTION = "missing_action";
    public static final String MISSING_PARAM = "missing_param";
    public static final String BAD_PARAM = "bad_param";

    /** Parameters each built-in cannot do without. */
    static final Map<ActionType, List<String>> REQUIRED = Map.of(
            ActionType.RECORD_PROMISE, List.of("date", "amount"),
            ActionType.RECORD_PLAN_REQUEST, List.of("installments"),
            ActionType.OFFER_PLAN, List.of("installments"),
            ActionType.SET_DISPOSITION, List.of("disposition"),
            ActionType.EMIT_EVENT, List.of("event"),
            ActionType.VERIFY_IDENTITY, List.of("slot"),
            ActionType.SET_SLOT, List.of("slot", "value"));

    @Override
    public List<FlowProblem> check(Flow flow, Set<String> knownFlowIds) {
        List<FlowProblem> problems = new ArrayList<>();
        for (Step step : flow.steps().values()) {
            if (!(step instanceof ActionStep action)) {
                continue;
            }
            if (action.action() == null) {
                problems.add(new FlowProblem(flow.id(), step.id(), MISSING_ACTION,
                        "Action step '" + step.id() + "' does not name an 'action'"));
                continue;
            }
            for (String param : REQUIRED.getOrDefault(action.action(), List.of())) {
                Object value = action.params().get(param);
                if (value == null || value.toString().isBlank()) {
                    problems.add(new FlowProblem(flow.id(), step.id(), MISSING_PARAM, "Action '"
                            + action.action().yamlName() + "' in step '" + step.id() + "' needs param '" + param + "'"));
                }
            }
            Object disposition = action.params().get("disposition");
            if (action.action() == ActionType.SET_DISPOSITION && disposition != null && !isDisposition(disposition.toString())) {
                problems.add(new FlowProblem(flow.id(), step.id(), BAD_PARAM, "Step '" + step.id() + "': '"
                        + disposition + "' is not a disposition; use one of " + List.of(Disposition.values())));
            }
        }
        return problems;
    }

    private static boolean isDisposition(String value) {
        for (Disposition disposition : Disposition.values()) {
            if (disposition.name().equals(value)) {
                return true;
            }
        }
        return false;
    }
}

package dev.cobra.flow.validate;

import dev.cobra.flow.model.Flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Runs every validation rule over a flow. A flow with no problems can be published. Thread-safe.
 */
public final class FlowValidator {

    /** The rules, in the order their problems are listed (structure first, then texts). */
    public static final List<ValidationRule> RULES = List.of(
            new EntryRule(),
            new DanglingTargetRule(),
            new UnreachableStepRule(),
            new LoopWithoutInputRule(),
            new UnknownSubflowRule(),
            new GlobalRoutesRule(),
            new ConditionExpressionRule(),
            new InputStepRule(),
            new SlotFillRule(),
            new RepairSettingsRule(),
            new ActionParamsRule(),
            new RequiredTextRule(),
            new TemplateVariablesRule(),
            new MissingLocaleRule(),
            new DebtBeforeVerificationRule(),
            new WhatsAppLimitsRule(),
            new WindowTemplateRule(),
            new MediaRule());

    /**
     * @param knownFlowIds ids of the flows that exist (subflow calls and {@code flow:} routes must name one);
     *                     the flow's own id always counts as known
     */
    public List<FlowProblem> validate(Flow flow, Set<String> knownFlowIds) {
        Set<String> known = knownFlowIds == null ? Set.of() : knownFlowIds;
        List<FlowProblem> problems = new ArrayList<>();
        for (ValidationRule rule : RULES) {
            problems.addAll(rule.check(flow, known));
        }
        return problems;
    }

    /** @throws InvalidFlowException with every problem when there is at least one */
    public void requireValid(Flow flow, Set<String> knownFlowIds) {
        List<FlowProblem> problems = validate(flow, knownFlowIds);
        if (!problems.isEmpty()) {
            throw new InvalidFlowException(flow.id(), problems);
        }
    }
}

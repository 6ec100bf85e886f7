package dev.cobra.flow.validate;

import dev.cobra.flow.model.EntityType;
import dev.cobra.flow.model.Flow;
import dev.cobra.flow.model.InputStep;
import dev.cobra.flow.model.Step;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An input step's {@code fillFrom} names entities the NLU produces ({@code date}, {@code amount},
 * {@code installments}, {@code person}), {@code request} (the debtor's own words of the message that chose the
 * branch, when it says more than the choice; text slots only) or ones the flow declares in {@code entities}, and each fits the
 * step's entity type (a date slot cannot be filled from an amount). Codes {@code unknown_fill_entity},
 * {@code bad_fill_entity}, {@code bad_entity_name}. A menu option's {@code entities} follow the same naming rule.
 */
public final class SlotFillRule implements ValidationRule {

    public static final String UNKNOWN_FILL_ENTITY = "unknown_fill_entity";
    public static final String BAD_FILL_ENTITY = "bad_fill_entity";
    public static final String BAD_ENTITY_NAME = "bad_entity_name";

    /** Entities the runtime's NLU extracts. */
    public static final Set<String> BUILT_IN_ENTITIES = Set.of("date", "amount", "installments", "person", "request");
    private static final Pattern ENTITY_NAME = Pattern.compile("[a-z][a-z0-9_]*");
    /** Built-in entities a typed slot accepts; text and document slots accept any entity. */
    private static final Map<EntityType, Set<String>> FITS = Map.of(
            EntityType.DATE, Set.of("date"),
            EntityType.AMOUNT, Set.of("amount"),
            EntityType.INSTALLMENTS, Set.of("installments", "amount"));

    @Override
    public List<FlowProblem> check(Flow flow, Set<String> knownFlowIds) {
        List<FlowProblem> problems = new ArrayList<>();
        for (String declared : flow.entities()) {
            if (declared == null || !ENTITY_NAME.matcher(declared).matches()) {
                problems.add(new FlowProblem(flow.id(), null, BAD_ENTITY_NAME, "Declared entity '" + declared
                        + "' must be lower case letters, digits and _"));
            }
        }
        for (Step step : flow.steps().values()) {
            if (step instanceof dev.cobra.flow.model.MenuStep menu) {
                for (dev.cobra.flow.model.MenuOption option : menu.options()) {
                    for (String entity : option.entities()) {
                        if (!BUILT_IN_ENTITIES.contains(entity) && !flow.entities().contains(entity)) {
                            problems.add(new FlowProblem(flow.id(), menu.id(), UNKNOWN_FILL_ENTITY, "Option '" + option.id()
                                    + "' is picked by entity '" + entity + "', which is neither one of " + BUILT_IN_ENTITIES
                                    + " nor declared in the flow's 'entities'"));
                        }
                    }
                }
            }
            if (step instanceof InputStep input && input.fillFrom() != null) {
                for (String entity : input.fillFrom()) {
                    check(flow, input, entity, problems);
                }
            }
        }
        return problems;
    }

    private static void check(Flow flow, InputStep input, String entity, List<FlowProblem> problems) {
        String where = "Input step '" + input.id() + "' fills from '" + entity + "'";
        boolean builtIn = BUILT_IN_ENTITIES.contains(entity);
        if (entity == null || (!builtIn && !flow.entities().contains(entity))) {
            problems.add(new FlowProblem(flow.id(), input.id(), UNKNOWN_FILL_ENTITY, where + ", which is neither one of "
                    + BUILT_IN_ENTITIES + " nor declared in the flow's 'entities'"));
            return;
        }
        Set<String> fits = input.entity() == null ? null : FITS.get(input.entity());
        if (builtIn && fits != null && !fits.contains(entity)) {
            problems.add(new FlowProblem(flow.id(), input.id(), BAD_FILL_ENTITY, where + ", which cannot give a "
                    + input.entity().yamlName() + " value"));
        }
    }
}

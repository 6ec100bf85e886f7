package dev.cobra.flow.validate;

import dev.cobra.flow.model.Flow;

import java.util.List;
import java.util.Set;

/** The flow must name an entry step, and that step must exist. Codes {@code missing_entry}, {@code unknown_entry}. */
public final class EntryRule implements ValidationRule {

    public static final String MISSING = "missing_entry";
    public static final String UNKNOWN = "unknown_entry";

    @Override
    public List<FlowProblem> check(Flow flow, Set<String> knownFlowIds) {
        if (flow.entry() == null || flow.entry().isBlank()) {
            return List.of(new FlowProblem(flow.id(), null, MISSING, "The flow has no 'entry' step"));
        }
        if (flow.step(flow.entry()).isEmpty()) {
            return List.of(new FlowProblem(flow.id(), null, UNKNOWN,
                    "The entry step '" + flow.entry() + "' does not exist"));
        }
        return List.of();
    }
}

package dev.cobra.flow.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs a built-in action, optionally says a text afterwards (rendered after the action), and moves on. */
public record ActionStep(String id, ActionType action, Map<String, Object> params, LocalizedText text, String next)
        implements Step {

    public ActionStep {
        params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    @Override
    public String type() {
        return "action";
    }

    @Override
    public List<Transition> transitions() {
        return next == null ? List.of() : List.of(new Transition(Transition.NEXT, next, action == null ? "" : action.yamlName()));
    }
}

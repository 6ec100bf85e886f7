package dev.cobra.flow.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shows options and waits. A typed answer is matched against option ids and titles, then classified:
 * an intent listed by an option or in {@code intents} moves there.
 *
 * @param intents extra free-text routes: intent name to target step
 */
public record MenuStep(String id, LocalizedText text, List<MenuOption> options, Map<String, String> intents) implements Step {

    public MenuStep {
        options = options == null ? List.of() : List.copyOf(options);
        intents = intents == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(intents));
    }

    @Override
    public String type() {
        return "menu";
    }

    @Override
    public boolean waitsForInput() {
        return true;
    }

    @Override
    public List<Transition> transitions() {
        List<Transition> result = new ArrayList<>();
        for (MenuOption option : options) {
            result.add(new Transition("option:" + option.id(), option.next(), option.title() == null ? option.id()
                    : option.title().forLocale(null)));
        }
        intents.forEach((intent, target) -> result.add(new Transition("intent:" + intent, target, intent)));
        return result;
    }
}

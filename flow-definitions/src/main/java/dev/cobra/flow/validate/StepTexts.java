package dev.cobra.flow.validate;

import dev.cobra.flow.model.ActionStep;
import dev.cobra.flow.model.EndStep;
import dev.cobra.flow.model.Flow;
import dev.cobra.flow.model.HandoffStep;
import dev.cobra.flow.model.InputStep;
import dev.cobra.flow.model.LocalizedText;
import dev.cobra.flow.model.MenuOption;
import dev.cobra.flow.model.MenuStep;
import dev.cobra.flow.model.MessageStep;
import dev.cobra.flow.model.Step;

import java.util.ArrayList;
import java.util.List;

/** Every debtor-facing text of a flow with the step and field it belongs to, for the text-checking rules. */
final class StepTexts {

    /**
     * @param field  e.g. {@code text}, {@code invalidText}, {@code options[pay].title}
     * @param isBody whether it is a message body (WhatsApp body limit applies) rather than a title or description
     */
    record StepText(String stepId, String field, LocalizedText text, boolean isBody) {
    }

    private StepTexts() {
    }

    static List<StepText> of(Flow flow) {
        List<StepText> result = new ArrayList<>();
        for (Step step : flow.steps().values()) {
            String id = step.id();
            if (step instanceof MessageStep s) {
                add(result, id, "text", s.text(), true);
                if (s.media() != null) {
                    add(result, id, "media.caption", s.media().caption(), false);
                }
            } else if (step instanceof MenuStep s) {
                add(result, id, "text", s.text(), true);
                for (MenuOption option : s.options()) {
                    add(result, id, "options[" + option.id() + "].title", option.title(), false);
                    add(result, id, "options[" + option.id() + "].description", option.description(), false);
                }
            } else if (step instanceof InputStep s) {
                add(result, id, "text", s.text(), true);
                add(result, id, "invalidText", s.invalidText(), true);
                add(result, id, "reprompt", s.reprompt(), true);
            } else if (step instanceof ActionStep s) {
                add(result, id, "text", s.text(), true);
            } else if (step instanceof HandoffStep s) {
                add(result, id, "text", s.text(), true);
            } else if (step instanceof EndStep s) {
                add(result, id, "text", s.text(), true);
            }
        }
        // The repair texts are checked like step texts (locales, placeholders, WhatsApp body length).
        flow.repair().answers().forEach((intent, text) -> add(result, null, "repair.answers." + intent, text, true));
        add(result, null, "repair.cancelText", flow.repair().cancelText(), true);
        add(result, null, "repair.closingText", flow.repair().closingText(), true);
        return result;
    }

    private static void add(List<StepText> result, String stepId, String field, LocalizedText text, boolean body) {
        if (text != null && !text.isEmpty()) {
            result.add(new StepText(stepId, field, text, body));
        }
    }
}

package dev.cobra.flow.validate;

import dev.cobra.flow.model.Flow;
import dev.cobra.flow.model.LocalizedText;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Every text must be written for every locale the flow lists in {@code locales}. A plain string counts as
 * the flow's default locale only. Code {@code missing_locale}.
 */
public final class MissingLocaleRule implements ValidationRule {

    public static final String CODE = "missing_locale";

    @Override
    public List<FlowProblem> check(Flow flow, Set<String> knownFlowIds) {
        List<FlowProblem> problems = new ArrayList<>();
        for (StepTexts.StepText text : StepTexts.of(flow)) {
            Set<String> written = text.text().byLocale().keySet();
            List<String> missing = new ArrayList<>();
            for (String locale : flow.locales()) {
                boolean plainDefault = written.contains(LocalizedText.ANY) && locale.equals(flow.defaultLocale());
                if (!written.contains(locale) && !plainDefault) {
                    missing.add(locale);
                }
            }
            if (!missing.isEmpty()) {
                problems.add(new FlowProblem(flow.id(), text.stepId(), CODE, "The " + text.field() + " of step '"
                        + text.stepId() + "' has no text for " + String.join(", ", missing)));
            }
        }
        return problems;
    }
}

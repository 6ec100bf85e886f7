package dev.cobra.flow.validate;

import dev.cobra.flow.model.Flow;
import dev.cobra.flow.template.TemplateReference;
import dev.cobra.flow.template.TemplateRenderer;
import dev.cobra.flow.template.TemplateSyntaxException;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Every placeholder in every text must be well formed, use a known filter and read a variable the engine
 * supplies. Codes {@code bad_template}, {@code unknown_variable}.
 */
public final class TemplateVariablesRule implements ValidationRule {

    public static final String BAD_TEMPLATE = "bad_template";
    public static final String UNKNOWN_VARIABLE = "unknown_variable";

    @Override
    public List<FlowProblem> check(Flow flow, Set<String> knownFlowIds) {
        List<FlowProblem> problems = new ArrayList<>();
        for (StepTexts.StepText text : StepTexts.of(flow)) {
            text.text().byLocale().forEach((locale, value) -> {
                try {
                    for (TemplateReference reference : TemplateRenderer.references(value)) {
                        String problem = KnownVariables.problemWith(reference.path());
                        if (problem != null) {
                            problems.add(new FlowProblem(flow.id(), text.stepId(), UNKNOWN_VARIABLE, "The "
                                    + text.field() + " of step '" + text.stepId() + "' (" + locale + "): " + problem));
                        }
                    }
                } catch (TemplateSyntaxException e) {
                    problems.add(new FlowProblem(flow.id(), text.stepId(), BAD_TEMPLATE, "The " + text.field()
                            + " of step '" + text.stepId() + "' (" + locale + "): " + e.getMessage()));
                }
            });
        }
        return problems;
    }
}

package dev.cobra.flow.validate;

import dev.cobra.flow.model.Flow;
import dev.cobra.flow.model.WindowTemplate;
import dev.cobra.flow.template.TemplateReference;
import dev.cobra.flow.template.TemplateRenderer;
import dev.cobra.flow.template.TemplateSyntaxException;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The flow's WhatsApp window template ({@code whatsapp.windowTemplate}) must be something Meta can send: a
 * template name as Meta allows them (lowercase letters, digits and underscores), a language code like {@code es}
 * or {@code es_MX}, and body parameters that are well-formed texts reading known variables. It goes out to a
 * debtor who has not written for a day, before any verification in this conversation, so its parameters must not
 * disclose the debt (no {@code debt.*}, {@code link} or {@code slots.*}). Codes {@code bad_window_template_name},
 * {@code bad_window_template_language}, {@code bad_window_template_parameter}.
 */
public final class WindowTemplateRule implements ValidationRule {

    public static final String BAD_NAME = "bad_window_template_name";
    public static final String BAD_LANGUAGE = "bad_window_template_language";
    public static final String BAD_PARAMETER = "bad_window_template_parameter";

    /** Meta: template names are lowercase alphanumerics and underscores, at most 512 characters. */
    static final Pattern NAME = Pattern.compile("^[a-z0-9_]{1,512}$");
    /** Meta's template language codes: {@code es}, {@code en}, {@code es_MX}, {@code en_US}, {@code pt_BR}... */
    static final Pattern LANGUAGE = Pattern.compile("^[a-z]{2,3}(_[A-Z]{2})?$");
    /** Meta does not accept empty parameters, nor new lines, tabs or more than 4 spaces in a row. */
    static final Pattern FORBIDDEN_IN_PARAMETER = Pattern.compile("[\\n\\t]| {5,}");
    /** Body parameters of one template; generous, Meta's templates rarely use more than a handful. */
    static final int MAX_PARAMETERS = 20;

    @Override
    public List<FlowProblem> check(Flow flow, Set<String> knownFlowIds) {
        List<FlowProblem> problems = new ArrayList<>();
        WindowTemplate template = flow.ownWindowTemplate().orElse(null);
        if (template == null) {
            return problems;
        }
        if (template.name() == null || !NAME.matcher(template.name()).matches()) {
            problems.add(problem(flow, BAD_NAME, "The WhatsApp window template name '" + template.name()
                    + "' is not a template name Meta accepts: use lowercase letters, digits and underscores"));
        }
        if (template.language() != null && !LANGUAGE.matcher(template.language()).matches()) {
            problems.add(problem(flow, BAD_LANGUAGE, "The WhatsApp window template language '" + template.language()
                    + "' is not one of Meta's codes such as es, en, es_MX or en_US"));
        }
        if (template.parameters().size() > MAX_PARAMETERS) {
            problems.add(problem(flow, BAD_PARAMETER, "The WhatsApp window template has "
                    + template.parameters().size() + " parameters; at most " + MAX_PARAMETERS));
        }
        for (int i = 0; i < template.parameters().size(); i++) {
            String problem = parameterProblem(template.parameters().get(i));
            if (problem != null) {
                problems.add(problem(flow, BAD_PARAMETER, "Parameter {{" + (i + 1)
                        + "}} of the WhatsApp window template: " + problem));
            }
        }
        return problems;
    }

    private static String parameterProblem(String parameter) {
        if (parameter == null || parameter.isBlank()) {
            return "it is empty; Meta rejects empty parameters";
        }
        if (FORBIDDEN_IN_PARAMETER.matcher(parameter).find()) {
            return "Meta rejects new lines, tabs and more than four spaces in a row";
        }
        List<TemplateReference> references;
        try {
            references = TemplateRenderer.references(parameter);
        } catch (TemplateSyntaxException e) {
            return e.getMessage();
        }
        for (TemplateReference reference : references) {
            String path = reference.path();
            String unknown = KnownVariables.problemWith(path);
            if (unknown != null) {
                return unknown;
            }
            if (path.startsWith("debt.") || path.equals("link") || path.startsWith("slots.")) {
                return "'" + path + "' could disclose the debt to someone not yet verified; use debtor or today";
            }
        }
        return null;
    }

    private static FlowProblem problem(Flow flow, String code, String message) {
        return new FlowProblem(flow.id(), null, code, message);
    }
}

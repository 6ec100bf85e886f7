package dev.cobra.flow.validate;

import dev.cobra.flow.model.Flow;
import dev.cobra.flow.model.LocalizedText;
import dev.cobra.flow.model.MenuOption;
import dev.cobra.flow.model.MenuStep;
import dev.cobra.flow.model.Step;
import dev.cobra.flow.template.TemplateReference;
import dev.cobra.flow.template.TemplateRenderer;
import dev.cobra.flow.template.TemplateSyntaxException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * WhatsApp Cloud API limits for interactive messages, so a flow that works in webchat does not fail on
 * WhatsApp. A menu becomes reply buttons when it has at most {@value #MAX_BUTTONS} options whose titles fit
 * {@value #MAX_BUTTON_TITLE} characters, else a list, which allows {@value #MAX_LIST_ROWS} rows with titles
 * of {@value #MAX_ROW_TITLE} and descriptions of {@value #MAX_ROW_DESCRIPTION} characters. Every body must
 * fit {@value #MAX_BODY} characters after a worst-case rendering of its placeholders.
 * Codes {@code too_many_options}, {@code option_title_too_long}, {@code option_description_too_long},
 * {@code body_too_long}, {@code empty_menu}.
 */
public final class WhatsAppLimitsRule implements ValidationRule {

    /** Reply buttons per interactive message (Meta, Cloud API "interactive" object, type button). */
    public static final int MAX_BUTTONS = 3;
    /** Characters of a reply button title (Meta, Cloud API reference). */
    public static final int MAX_BUTTON_TITLE = 20;
    /** Rows of an interactive list across all sections (Meta, Cloud API reference, type list). */
    public static final int MAX_LIST_ROWS = 10;
    /** Characters of a list row title (Meta, Cloud API reference). */
    public static final int MAX_ROW_TITLE = 24;
    /** Characters of a list row description (Meta, Cloud API reference). */
    public static final int MAX_ROW_DESCRIPTION = 72;
    /** Characters of an interactive message body (Meta, Cloud API reference; plain text allows more). */
    public static final int MAX_BODY = 1024;

    /**
     * Longest plausible rendering of a placeholder, by filter or by path, for the body check: a name can be
     * long, a payment link is a long URL, a long date names the weekday and the month.
     */
    static final Map<String, Integer> WORST_CASE_BY_FILTER = Map.of("money", 24, "date", 40, "shortDate", 10, "number", 20);
    static final Map<String, Integer> WORST_CASE_BY_PATH = Map.of(
            "debtor.name", 80, "debtor.firstName", 40, "debt.product", 60, "link", 120);
    static final int WORST_CASE_DEFAULT = 40;

    public static final String TOO_MANY_OPTIONS = "too_many_options";
    public static final String TITLE_TOO_LONG = "option_title_too_long";
    public static final String DESCRIPTION_TOO_LONG = "option_description_too_long";
    public static final String BODY_TOO_LONG = "body_too_long";
    public static final String EMPTY_MENU = "empty_menu";

    @Override
    public List<FlowProblem> check(Flow flow, Set<String> knownFlowIds) {
        List<FlowProblem> problems = new ArrayList<>();
        for (Step step : flow.steps().values()) {
            if (step instanceof MenuStep menu) {
                checkMenu(flow, menu, problems);
            }
        }
        for (StepTexts.StepText text : StepTexts.of(flow)) {
            if (!text.isBody()) {
                continue;
            }
            text.text().byLocale().forEach((locale, value) -> {
                int length = worstCaseLength(value);
                if (length > MAX_BODY) {
                    problems.add(new FlowProblem(flow.id(), text.stepId(), BODY_TOO_LONG, "The " + text.field()
                            + " of step '" + text.stepId() + "' (" + locale + ") can reach " + length
                            + " characters once filled in; WhatsApp allows " + MAX_BODY));
                }
            });
        }
        return problems;
    }

    private static void checkMenu(Flow flow, MenuStep menu, List<FlowProblem> problems) {
        List<MenuOption> options = menu.options();
        if (options.isEmpty()) {
            problems.add(new FlowProblem(flow.id(), menu.id(), EMPTY_MENU, "Menu '" + menu.id() + "' has no options"));
            return;
        }
        if (options.size() > MAX_LIST_ROWS) {
            problems.add(new FlowProblem(flow.id(), menu.id(), TOO_MANY_OPTIONS, "Menu '" + menu.id() + "' has "
                    + options.size() + " options; WhatsApp lists allow " + MAX_LIST_ROWS));
        }
        boolean fitsButtons = options.size() <= MAX_BUTTONS
                && options.stream().allMatch(o -> longest(o.title(), o.id()) <= MAX_BUTTON_TITLE)
                && options.stream().allMatch(o -> o.description() == null || o.description().isEmpty());
        if (fitsButtons) {
            return;
        }
        for (MenuOption option : options) {
            int title = longest(option.title(), option.id());
            if (title > MAX_ROW_TITLE) {
                problems.add(new FlowProblem(flow.id(), menu.id(), TITLE_TOO_LONG, "Option '" + option.id()
                        + "' of menu '" + menu.id() + "' has a " + title + "-character title; WhatsApp list rows allow "
                        + MAX_ROW_TITLE + (options.size() <= MAX_BUTTONS ? " (buttons " + MAX_BUTTON_TITLE + ")" : "")));
            }
            int description = longest(option.description(), "");
            if (description > MAX_ROW_DESCRIPTION) {
                problems.add(new FlowProblem(flow.id(), menu.id(), DESCRIPTION_TOO_LONG, "Option '" + option.id()
                        + "' of menu '" + menu.id() + "' has a " + description
                        + "-character description; WhatsApp list rows allow " + MAX_ROW_DESCRIPTION));
            }
        }
    }

    private static int longest(LocalizedText text, String fallback) {
        if (text == null || text.isEmpty()) {
            return fallback.length();
        }
        return text.byLocale().values().stream().mapToInt(WhatsAppLimitsRule::worstCaseLength).max().orElse(0);
    }

    /** The length of a text with every placeholder replaced by its worst-case value. */
    static int worstCaseLength(String template) {
        List<TemplateReference> references;
        try {
            references = TemplateRenderer.references(template);
        } catch (TemplateSyntaxException e) {
            return template.length(); // reported by TemplateVariablesRule
        }
        int length = template.codePointCount(0, template.length());
        int placeholderStart = 0;
        for (TemplateReference reference : references) {
            int open = template.indexOf("{{", placeholderStart);
            int close = template.indexOf("}}", open) + 2;
            placeholderStart = close;
            length -= template.codePointCount(open, close);
            Integer byFilter = reference.filter() == null ? null : WORST_CASE_BY_FILTER.get(reference.filter());
            length += byFilter != null ? byFilter
                    : WORST_CASE_BY_PATH.getOrDefault(reference.path(), WORST_CASE_DEFAULT);
        }
        return length;
    }
}

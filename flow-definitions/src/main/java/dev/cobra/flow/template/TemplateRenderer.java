package dev.cobra.flow.template;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Renders {@code {{path}}} and {@code {{path | filter}}} placeholders. Paths are dotted lookups in the
 * variable map ({@code debtor.firstName}, {@code slots.promiseDate}); filters format the value for the
 * debtor's locale:
 * <ul>
 *     <li>{@code money} — an amount in the currency of {@code debt.currency} (else the locale's own)</li>
 *     <li>{@code date} — a date with weekday, {@code viernes 27 de noviembre de 2026}</li>
 *     <li>{@code shortDate} — {@code 27/11/2026}</li>
 *     <li>{@code number} — a number with the locale's grouping</li>
 * </ul>
 * A missing value renders as an empty string rather than failing, so a message is never lost for an absent
 * optional field; the flow validator catches misspelt paths before publication. Thread-safe.
 */
public final class TemplateRenderer {

    /** The filters a placeholder may use. */
    public static final Set<String> FILTERS = Set.of("money", "date", "shortDate", "number");

    private static final Pattern PATH = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");

    public String render(String template, Map<String, Object> vars, String locale) {
        if (template == null || !template.contains("{{")) {
            return template == null ? "" : template;
        }
        StringBuilder out = new StringBuilder(template.length() + 32);
        int position = 0;
        while (position < template.length()) {
            int open = template.indexOf("{{", position);
            if (open < 0) {
                out.append(template, position, template.length());
                break;
            }
            int close = template.indexOf("}}", open + 2);
            if (close < 0) {
                // Lenient at run time: an unclosed placeholder is sent as written (the validator reports it).
                out.append(template, position, template.length());
                break;
            }
            out.append(template, position, open);
            TemplateReference reference = parsePlaceholder(template.substring(open + 2, close));
            out.append(format(VariablePaths.resolve(vars, reference.path()), reference.filter(), vars, locale));
            position = close + 2;
        }
        return out.toString();
    }

    /**
     * Every placeholder of a template, in order.
     *
     * @throws TemplateSyntaxException on an unclosed placeholder, an empty or malformed path or an unknown filter
     */
    public static List<TemplateReference> references(String template) {
        List<TemplateReference> result = new ArrayList<>();
        if (template == null) {
            return result;
        }
        int position = 0;
        while (true) {
            int open = template.indexOf("{{", position);
            if (open < 0) {
                return result;
            }
            int close = template.indexOf("}}", open + 2);
            if (close < 0) {
                throw new TemplateSyntaxException("'{{' at character " + open + " is never closed with '}}'");
            }
            TemplateReference reference = parsePlaceholder(template.substring(open + 2, close));
            if (!PATH.matcher(reference.path()).matches()) {
                throw new TemplateSyntaxException("'{{" + template.substring(open + 2, close)
                        + "}}' is not a variable path like debt.balance");
            }
            if (reference.filter() != null && !FILTERS.contains(reference.filter())) {
                throw new TemplateSyntaxException("unknown filter '" + reference.filter() + "'; known: " + FILTERS);
            }
            result.add(reference);
            position = close + 2;
        }
    }

    private static TemplateReference parsePlaceholder(String inner) {
        int bar = inner.indexOf('|');
        if (bar < 0) {
            return new TemplateReference(inner.trim(), null);
        }
        return new TemplateReference(inner.substring(0, bar).trim(), inner.substring(bar + 1).trim());
    }

    private static String format(Object value, String filter, Map<String, Object> vars, String locale) {
        if (value == null) {
            return "";
        }
        if (filter == null || filter.isEmpty()) {
            return value instanceof LocalDate date ? LocaleFormats.shortDate(date, locale) : String.valueOf(value);
        }
        return switch (filter) {
            case "money" -> {
                BigDecimal amount = toDecimal(value);
                Object currency = VariablePaths.resolve(vars, "debt.currency");
                yield amount == null ? String.valueOf(value)
                        : LocaleFormats.money(amount, currency == null ? null : currency.toString(), locale);
            }
            case "number" -> {
                BigDecimal number = toDecimal(value);
                yield number == null ? String.valueOf(value) : LocaleFormats.number(number, locale);
            }
            case "date" -> {
                LocalDate date = toDate(value);
                yield date == null ? String.valueOf(value) : LocaleFormats.longDate(date, locale);
            }
            case "shortDate" -> {
                LocalDate date = toDate(value);
                yield date == null ? String.valueOf(value) : LocaleFormats.shortDate(date, locale);
            }
            default -> String.valueOf(value);
        };
    }

    static BigDecimal toDecimal(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof Number number) {
            return new BigDecimal(number.toString());
        }
        try {
            return new BigDecimal(value.toString().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static LocalDate toDate(Object value) {
        if (value instanceof LocalDate date) {
            return date;
        }
        try {
            return LocalDate.parse(value.toString().trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

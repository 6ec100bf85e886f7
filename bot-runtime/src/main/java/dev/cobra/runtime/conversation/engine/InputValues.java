package dev.cobra.runtime.conversation.engine;

import dev.cobra.flow.model.EntityType;
import dev.cobra.flow.model.InputStep;
import dev.cobra.nlp.api.Entity;
import dev.cobra.runtime.nlu.NluResult;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Typed values of {@code input} steps: what a debtor's answer means for the step's entity type, validation
 * bounds, and the conversions slots need (entities arrive as ISO strings, numbers or typed values).
 */
final class InputValues {

    private static final Pattern FOUR_DIGITS = Pattern.compile("(?<!\\d)\\d{4}(?!\\d)");
    private static final Pattern PLAIN_NUMBER = Pattern.compile("\\d{1,3}([.,]?\\d{3})*([.,]\\d{1,2})?");

    /** Validation patterns of published flows, compiled once (they are checked on every answer). */
    private static final ConcurrentMap<String, Optional<Pattern>> PATTERNS = new ConcurrentHashMap<>();

    private InputValues() {
    }

    static Object extract(InputStep step, String text, NluResult result) {
        EntityType type = step.entity() == null ? EntityType.TEXT : step.entity();
        return switch (type) {
            // "ok gracias" after "tell me the date and means of your payment" answers nothing: no value, asked again
            case TEXT -> RepairPhrases.acknowledgementOnly(TextMatching.normalize(text)) ? null : text.strip();
            case DOCUMENT -> {
                Matcher m = FOUR_DIGITS.matcher(text);
                yield m.find() ? m.group() : null;
            }
            case DATE -> result.firstEntity(Entity.DATE).map(e -> toDate(e.value())).orElse(null);
            case AMOUNT -> result.firstEntity(Entity.AMOUNT).map(e -> toDecimal(e.value()))
                    .orElseGet(() -> plainNumber(text));
            case INSTALLMENTS -> result.firstEntity(Entity.INSTALLMENTS).map(e -> toInteger(e.value()))
                    .orElseGet(() -> {
                        BigDecimal n = result.firstEntity(Entity.AMOUNT).map(e -> toDecimal(e.value())).orElseGet(() -> plainNumber(text));
                        return n != null && n.stripTrailingZeros().scale() <= 0 && n.compareTo(BigDecimal.valueOf(1000)) < 0
                                ? n.intValue() : null;
                    });
        };
    }


    /** A remembered entity value (text) as the step's slot value; null when it cannot be one (never document digits). */
    static Object fromHeard(EntityType type, String raw) {
        if (raw == null || type == null) {
            return raw;
        }
        return switch (type) {
            case DATE -> toDate(raw);
            case AMOUNT -> toDecimal(raw);
            case INSTALLMENTS -> {
                BigDecimal n = toDecimal(raw);
                yield n != null && n.stripTrailingZeros().scale() <= 0 && n.compareTo(BigDecimal.valueOf(1000)) < 0 ? n.intValue() : null;
            }
            case TEXT -> raw;
            case DOCUMENT -> null;
        };
    }

    /** Whether a slot already holds {@code value} (numbers by value). */
    static boolean same(Object slot, Object value) {
        if (slot == null || value == null) {
            return slot == value;
        }
        BigDecimal a = slot instanceof Number || slot instanceof String ? toDecimal(slot) : null;
        BigDecimal b = value instanceof Number ? toDecimal(value) : null;
        if (a != null && b != null) {
            return a.compareTo(b) == 0;
        }
        return slot.toString().equals(value.toString());
    }

    /** The compiled validation pattern, or null when the flow's pattern does not compile. */
    static Pattern pattern(String regex) {
        return PATTERNS.computeIfAbsent(regex, r -> {
            try {
                return Optional.of(Pattern.compile(r));
            } catch (PatternSyntaxException e) {
                return Optional.empty();
            }
        }).orElse(null);
    }

    /** A bound is a number or a path such as {@code debt.balance}. */
    static BigDecimal bound(String expression, Map<String, Object> vars) {
        if (expression == null || expression.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(expression.strip());
        } catch (NumberFormatException e) {
            Object value = vars;
            for (String part : expression.strip().split("\\.")) {
                value = value instanceof Map<?, ?> map ? map.get(part) : null;
            }
            return toDecimal(value);
        }
    }

    static LocalDate toDate(Object value) {
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.toString());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static BigDecimal toDecimal(Object value) {
        if (value instanceof BigDecimal b) {
            return b;
        }
        if (value instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value.toString().strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Integer toInteger(Object value) {
        if (value instanceof Integer i) {
            return i;
        }
        BigDecimal d = toDecimal(value);
        try {
            return d == null ? null : d.intValueExact();
        } catch (ArithmeticException e) {
            return null;
        }
    }

    /** "250000", "250.000", "250,000.50" when the NLU found no amount; null for anything else. */
    static BigDecimal plainNumber(String text) {
        String t = text.strip().replace("$", "").strip();
        if (!PLAIN_NUMBER.matcher(t).matches()) {
            return null;
        }
        String digits = t.replaceAll("[.,](\\d{3})", "$1").replace(',', '.');
        return toDecimal(digits);
    }
}

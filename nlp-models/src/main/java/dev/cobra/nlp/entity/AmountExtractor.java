package dev.cobra.nlp.entity;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds money amounts: "$1.200", "1.500,50 euros", "500 pesos", "200 mil", "2 palos", "5 lucas", "20k",
 * "mil quinientos", "USD 100". Both decimal conventions are read: a dot followed by exactly three digits is
 * a thousands separator ("1.200" = 1200, as written in CO/AR/ES/CL), otherwise it is a decimal point.
 * The currency is reported when stated: by symbol or name, and for "$" / "pesos" from the debtor's country.
 */
final class AmountExtractor {

    private static final String DIGITS = "\\d{1,3}(?:[.,]\\d{3})+(?:[.,]\\d{1,2})?|\\d+(?:[.,]\\d{1,2})?";
    private static final String MULTIPLIER = "mil|millon(?:es)?|palos?|palitos?|lucas?|k|mill?ones?";
    private static final String CURRENCY_WORD = "pesos?|euros?|eur|dolares|dolar|dollars?|usd|us\\$|soles?|pen|cop|mxn"
            + "|ars|clp|bolivares|quetzales|lempiras|colones";

    private static final Pattern NUMERIC = Pattern.compile(
            "(?<cur1>us\\$|\\$|€|usd\\s?|cop\\s?|mxn\\s?|s/\\.?\\s?|eur\\s?)?\\s?(?<num>" + DIGITS + ")"
                    + "(?:\\s?(?<mult>" + MULTIPLIER + ")\\b)?(?:\\s+(?:de\\s+)?(?<cur2>" + CURRENCY_WORD + ")\\b|\\s?(?<cur3>€))?");
    private static final Pattern WORDS = Pattern.compile(
            "(?<cur1>\\$\\s?)?(?<num>" + NumberWords.WORD_SEQUENCE + ")(?:\\s+(?<mult>palos?|lucas?)\\b)?"
                    + "(?:\\s+(?:de\\s+)?(?<cur2>" + CURRENCY_WORD + ")\\b)?");

    List<Span> find(String folded, String locale) {
        List<Span> spans = new ArrayList<>();
        Matcher m = NUMERIC.matcher(folded);
        while (m.find()) {
            BigDecimal number = parseDigits(m.group("num"));
            if (number == null) {
                continue;
            }
            String mult = m.group("mult");
            number = applyMultiplier(number, mult);
            String currency = currency(m.group("cur1"), m.group("cur2") != null ? m.group("cur2") : m.group("cur3"),
                    locale);
            int start = m.group("cur1") != null ? m.start("cur1") : m.start("num");
            spans.add(new Span(start, m.end(), plain(number), currency));
        }
        Matcher w = WORDS.matcher(folded);
        while (w.find()) {
            BigDecimal number = NumberWords.parse(w.group("num"));
            String mult = w.group("mult");
            boolean money = w.group("cur1") != null || w.group("cur2") != null || mult != null
                    || w.group("num").contains("mil") || w.group("num").contains("millon");
            if (number == null || !money || w.group("num").equals("un") || w.group("num").equals("una")) {
                continue; // "seis cuotas", "dos semanas": number words alone are not money
            }
            number = applyMultiplier(number, mult);
            spans.add(new Span(w.start(), w.end(), plain(number), currency(w.group("cur1"), w.group("cur2"), locale)));
        }
        return spans;
    }

    /** Without trailing zeros but never in exponent form: 200000, not 2E+5 (JSON clients read it as written). */
    static BigDecimal plain(BigDecimal number) {
        BigDecimal stripped = number.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** Numbers that carry a currency or a multiplier are surely money; bare ones only when nothing else claims them. */
    static boolean isExplicit(Span span, String folded) {
        String text = folded.substring(span.start(), span.end());
        return span.currency() != null || !text.matches("[\\d.,]+");
    }

    static BigDecimal parseDigits(String s) {
        String normalized;
        if (s.matches("\\d{1,3}(?:\\.\\d{3})+(?:,\\d{1,2})?")) {
            normalized = s.replace(".", "").replace(',', '.'); // 1.500,50
        } else if (s.matches("\\d{1,3}(?:,\\d{3})+(?:\\.\\d{1,2})?")) {
            normalized = s.replace(",", ""); // 1,500.50
        } else if (s.matches("\\d+,\\d{1,2}")) {
            normalized = s.replace(',', '.'); // 1500,50
        } else if (s.matches("\\d+(?:\\.\\d{1,2})?")) {
            normalized = s;
        } else {
            return null;
        }
        try {
            return new BigDecimal(normalized);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static BigDecimal applyMultiplier(BigDecimal number, String mult) {
        if (mult == null) {
            return number;
        }
        if (mult.equals("mil") || mult.equals("k") || mult.startsWith("luca")) {
            return number.multiply(BigDecimal.valueOf(1000));
        }
        return number.multiply(BigDecimal.valueOf(1_000_000)); // millones, palos (CO slang for a million)
    }

    private static String currency(String prefix, String suffix, String locale) {
        String p = prefix == null ? "" : prefix.trim();
        String s = suffix == null ? "" : suffix.trim();
        if (p.equals("€") || s.startsWith("euro") || s.equals("eur") || p.equals("eur") || s.equals("€")) {
            return "EUR";
        }
        if (p.equals("us$") || p.equals("usd") || s.startsWith("dolar") || s.startsWith("dollar") || s.equals("usd")
                || s.equals("us$")) {
            return "USD";
        }
        if (p.startsWith("s/") || s.startsWith("sol") || s.equals("pen")) {
            return "PEN";
        }
        if (p.equals("cop") || s.equals("cop")) {
            return "COP";
        }
        if (p.equals("mxn") || s.equals("mxn")) {
            return "MXN";
        }
        if (s.equals("ars")) {
            return "ARS";
        }
        if (s.equals("clp")) {
            return "CLP";
        }
        if (p.equals("$") || s.startsWith("peso")) {
            return pesoOf(locale);
        }
        return null;
    }

    /** The peso (or dollar sign) of the debtor's country; null when the country is unknown. */
    private static String pesoOf(String locale) {
        if (locale == null || locale.length() < 5) {
            return null;
        }
        return switch (locale.substring(3).toUpperCase(Locale.ROOT)) {
            case "CO" -> "COP";
            case "MX" -> "MXN";
            case "AR" -> "ARS";
            case "CL" -> "CLP";
            case "UY" -> "UYU";
            case "DO" -> "DOP";
            case "US" -> "USD";
            default -> null;
        };
    }
}

package dev.cobra.nlp.entity;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds installment counts: "en 3 cuotas", "seis cuotas", "a 12 meses", "6 pagos", "in 6 installments". */
final class InstallmentsExtractor {

    /** A plan with more installments than this is not a plan a debtor means (e.g. a year typed by mistake). */
    static final int MAX_INSTALLMENTS = 120;

    private static final String COUNT = "(?<n>\\d{1,3}|" + NumberWords.WORD_SEQUENCE + ")";
    private static final Pattern WITH_NOUN = Pattern.compile("(?:\\b(?:en|a|de|in|over)\\s+)?" + COUNT
            + "\\s+(?:cuotas|pagos|partes|mensualidades|abonos|plazos|quincenas|installments|payments|monthly\\s+payments)\\b");
    private static final Pattern MONTHS = Pattern.compile(
            "\\b(?:a|over)\\s+" + COUNT + "\\s+(?:meses|months)\\b|" + "\\b" + COUNT.replace("<n>", "<m>")
                    + "\\s+meses\\s+sin\\s+intereses\\b");

    List<Span> find(String folded) {
        List<Span> spans = new ArrayList<>();
        for (Pattern p : List.of(WITH_NOUN, MONTHS)) {
            Matcher m = p.matcher(folded);
            while (m.find()) {
                String count = group(m, "n");
                if (count == null) {
                    count = group(m, "m");
                }
                Integer n = parseCount(count);
                if (n != null && n >= 1 && n <= MAX_INSTALLMENTS) {
                    spans.add(new Span(m.start(), m.end(), n, null));
                }
            }
        }
        return spans;
    }

    private static String group(Matcher m, String name) {
        try {
            return m.group(name);
        } catch (IllegalArgumentException absent) {
            return null;
        }
    }

    private static Integer parseCount(String count) {
        if (count == null) {
            return null;
        }
        if (count.matches("\\d+")) {
            return Integer.parseInt(count);
        }
        BigDecimal n = NumberWords.parse(count);
        return n == null ? null : n.intValueExact();
    }
}

package dev.cobra.nlp.entity;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds installment counts: "en 3 cuotas", "seis cuotas", "a 12 meses", "6 pagos", "in 6 installments", and two
 * halves ("la mitad el 20 y el resto en enero").
 */
final class InstallmentsExtractor {

    /** A plan with more installments than this is not a plan a debtor means (e.g. a year typed by mistake). */
    static final int MAX_INSTALLMENTS = 120;

    private static final String COUNT = "(?<n>\\d{1,3}|" + NumberWords.WORD_SEQUENCE + ")";
    private static final Pattern WITH_NOUN = Pattern.compile("(?:\\b(?:en|a|de|in|over)\\s+)?" + COUNT
            + "\\s+(?:cuotas|pagos|partes|mensualidades|abonos|plazos|quincenas|installments|payments|monthly\\s+payments)\\b");
    private static final Pattern MONTHS = Pattern.compile(
            "\\b(?:a|over)\\s+" + COUNT + "\\s+(?:meses|months)\\b|" + "\\b" + COUNT.replace("<n>", "<m>")
                    + "\\s+meses\\s+sin\\s+intereses\\b|"
                    // "fraccionar la deuda en 6 meses", "diferirlo en 12 meses", "split it over 6 months": a plan, not a date
                    + "\\b(?:fraccion|divid|difer|financ|partir|repart|split|spread)\\w*\\b.{0,30}?\\b(?:en|in|over)\\s+"
                    + COUNT.replace("<n>", "<k>") + "\\s+(?:meses|months)\\b|"
                    // "¿cuánto sería si lo divido en 3?", "partirlo en 4", "split it into 3": the count without a noun
                    + "\\b(?:fraccion|divid|divido|difer|parti|parto|repart|split|break)\\w*\\b.{0,20}?\\b(?:en|in|into)\\s+"
                    + COUNT.replace("<n>", "<j>") + "\\b(?!\\s*(?:dias|semanas|meses|mil|de\\b|days|weeks|months|k\\b|%))");

    /**
     * Two halves: "la mitad el 20 y el resto en enero", "mitad y mitad", "half now and the rest next month". A plan
     * in two installments, said without a count.
     */
    private static final Pattern HALVES = Pattern.compile("\\b(?<first>(?:la\\s+)?mitad)\\b.{0,40}?\\b(?:y|e)\\s+(?:la\\s+otra\\s+mitad|"
            + "el\\s+resto|lo\\s+demas|lo\\s+que\\s+falta|(?:la\\s+)?mitad)\\b|\\b(?<half>half)\\b.{0,40}?\\band\\s+(?:the\\s+other\\s+half|"
            + "the\\s+rest|half)\\b");

    List<Span> find(String folded) {
        List<Span> spans = new ArrayList<>();
        Matcher halves = HALVES.matcher(folded);
        while (halves.find()) {
            // The span is the first "mitad" only: the dates between the halves ("el 20") stay dates.
            String first = halves.group("first") != null ? "first" : "half";
            spans.add(new Span(halves.start(first), halves.end(first), 2, null));
        }
        for (Pattern p : List.of(WITH_NOUN, MONTHS)) {
            Matcher m = p.matcher(folded);
            while (m.find()) {
                String count = group(m, "n");
                if (count == null) {
                    count = group(m, "m");
                }
                if (count == null) {
                    count = group(m, "k");
                }
                if (count == null) {
                    count = group(m, "j");
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

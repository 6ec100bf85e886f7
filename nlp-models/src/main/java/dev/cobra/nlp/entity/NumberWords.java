package dev.cobra.nlp.entity;

import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Spanish and English number words ("mil quinientos", "doscientos mil", "un millon", "seis", "twelve") to
 * numbers. Works on folded text (lower case, no accents).
 */
final class NumberWords {

    private static final Map<String, Long> UNITS = Map.ofEntries(
            Map.entry("cero", 0L), Map.entry("un", 1L), Map.entry("uno", 1L), Map.entry("una", 1L),
            Map.entry("dos", 2L), Map.entry("tres", 3L), Map.entry("cuatro", 4L), Map.entry("cinco", 5L),
            Map.entry("seis", 6L), Map.entry("siete", 7L), Map.entry("ocho", 8L), Map.entry("nueve", 9L),
            Map.entry("diez", 10L), Map.entry("once", 11L), Map.entry("doce", 12L), Map.entry("trece", 13L),
            Map.entry("catorce", 14L), Map.entry("quince", 15L), Map.entry("dieciseis", 16L),
            Map.entry("diecisiete", 17L), Map.entry("dieciocho", 18L), Map.entry("diecinueve", 19L),
            Map.entry("veinte", 20L), Map.entry("veintiun", 21L), Map.entry("veintiuno", 21L),
            Map.entry("veintidos", 22L), Map.entry("veintitres", 23L), Map.entry("veinticuatro", 24L),
            Map.entry("veinticinco", 25L), Map.entry("veintiseis", 26L), Map.entry("veintisiete", 27L),
            Map.entry("veintiocho", 28L), Map.entry("veintinueve", 29L), Map.entry("treinta", 30L),
            Map.entry("cuarenta", 40L), Map.entry("cincuenta", 50L), Map.entry("sesenta", 60L),
            Map.entry("setenta", 70L), Map.entry("ochenta", 80L), Map.entry("noventa", 90L), Map.entry("cien", 100L),
            Map.entry("ciento", 100L), Map.entry("doscientos", 200L), Map.entry("doscientas", 200L),
            Map.entry("trescientos", 300L), Map.entry("trescientas", 300L), Map.entry("cuatrocientos", 400L),
            Map.entry("cuatrocientas", 400L), Map.entry("quinientos", 500L), Map.entry("quinientas", 500L),
            Map.entry("seiscientos", 600L), Map.entry("seiscientas", 600L), Map.entry("setecientos", 700L),
            Map.entry("setecientas", 700L), Map.entry("ochocientos", 800L), Map.entry("ochocientas", 800L),
            Map.entry("novecientos", 900L), Map.entry("novecientas", 900L),
            Map.entry("one", 1L), Map.entry("two", 2L), Map.entry("three", 3L), Map.entry("four", 4L),
            Map.entry("five", 5L), Map.entry("six", 6L), Map.entry("seven", 7L), Map.entry("eight", 8L),
            Map.entry("nine", 9L), Map.entry("ten", 10L), Map.entry("eleven", 11L), Map.entry("twelve", 12L),
            Map.entry("fifteen", 15L), Map.entry("eighteen", 18L), Map.entry("twenty", 20L),
            Map.entry("twentyfour", 24L), Map.entry("thirty", 30L), Map.entry("thirtysix", 36L));

    /** One or more number words joined by spaces or "y" ("treinta y cinco", "mil quinientos"). */
    static final String WORD_SEQUENCE;

    static {
        String alternatives = String.join("|", UNITS.keySet().stream()
                .sorted((a, b) -> b.length() - a.length()).toList());
        String atom = "(?:" + alternatives + "|mil|millon|millones)";
        WORD_SEQUENCE = "\\b" + atom + "(?:\\s+(?:y\\s+)?" + atom + ")*\\b";
    }

    static final Pattern SEQUENCE_PATTERN = Pattern.compile(WORD_SEQUENCE);

    private NumberWords() {
    }

    static boolean isNumberWord(String word) {
        return UNITS.containsKey(word) || word.equals("mil") || word.equals("millon") || word.equals("millones");
    }

    /** Parses a folded sequence such as "dos millones trescientos mil"; null when it is not a number. */
    static BigDecimal parse(String words) {
        long total = 0;
        long current = 0;
        boolean any = false;
        for (String w : words.trim().split("\\s+")) {
            if (w.equals("y")) {
                continue;
            }
            Long unit = UNITS.get(w);
            if (unit != null) {
                current += unit;
                any = true;
            } else if (w.equals("mil")) {
                current = (current == 0 ? 1 : current) * 1000;
                total += current;
                current = 0;
                any = true;
            } else if (w.equals("millon") || w.equals("millones")) {
                total = (total + (current == 0 ? 1 : current)) * 1_000_000;
                current = 0;
                any = true;
            } else {
                return null;
            }
        }
        return any ? BigDecimal.valueOf(total + current) : null;
    }
}

package dev.cobra.nlp.clause;

import dev.cobra.nlp.api.Clause;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns cut points (character offsets) into clauses, merging pieces too short to carry an intent of their own
 * ("hola", "mire", "ok") into their neighbour. Shared by the rule and the CoreNLP analyzers so both cut alike.
 */
public final class ClauseCuts {

    /** A clause needs at least this many words; shorter pieces join the one before (or after, at the start). */
    public static final int MIN_WORDS = 3;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private ClauseCuts() {
    }

    /** The clauses of {@code text} cut at {@code cuts} (offsets where a new clause starts). */
    public static List<Clause> cut(String text, TreeSet<Integer> cuts) {
        List<int[]> pieces = new ArrayList<>();
        int from = 0;
        for (int cut : cuts) {
            if (cut > from && cut < text.length()) {
                pieces.add(new int[] {from, cut});
                from = cut;
            }
        }
        pieces.add(new int[] {from, text.length()});
        List<int[]> merged = new ArrayList<>();
        for (int[] piece : pieces) {
            if (words(text, piece) == 0) {
                if (!merged.isEmpty()) {
                    merged.get(merged.size() - 1)[1] = piece[1];
                } else {
                    merged.add(piece);
                }
            } else if (!merged.isEmpty() && (words(text, piece) < MIN_WORDS
                    || words(text, merged.get(merged.size() - 1)) < MIN_WORDS)) {
                merged.get(merged.size() - 1)[1] = piece[1];
            } else {
                merged.add(piece);
            }
        }
        List<Clause> clauses = new ArrayList<>(merged.size());
        for (int[] piece : merged) {
            Clause c = trimmed(text, piece[0], piece[1]);
            if (c != null) {
                clauses.add(c);
            }
        }
        if (clauses.isEmpty()) {
            clauses.add(new Clause(0, text.length(), text));
        }
        return clauses;
    }

    /** Number of words in {@code text}. */
    public static int words(String text) {
        return words(text, new int[] {0, text.length()});
    }

    private static int words(String text, int[] piece) {
        Matcher m = WORD.matcher(text).region(piece[0], piece[1]);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static Clause trimmed(String text, int start, int end) {
        while (start < end && !Character.isLetterOrDigit(text.codePointAt(start)) && !isOpeningSign(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return start < end ? new Clause(start, end, text.substring(start, end)) : null;
    }

    private static boolean isOpeningSign(char c) {
        return c == '¿' || c == '¡';
    }
}

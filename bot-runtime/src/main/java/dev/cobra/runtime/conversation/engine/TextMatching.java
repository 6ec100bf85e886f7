package dev.cobra.runtime.conversation.engine;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Case- and accent-insensitive comparison of what a debtor typed with option titles and keywords. */
final class TextMatching {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private TextMatching() {
    }

    /** Lower case, no accents, punctuation and emoji as single spaces, trimmed: "¡Pagar YA!" → "pagar ya". */
    static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        String plain = MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
        return NOT_WORD.matcher(plain).replaceAll(" ").trim();
    }
}

package dev.cobra.nlp.entity;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Lower-cases and strips accents while keeping every character at its offset, so that a match found in the
 * folded text maps back to the same span of the original message (entities report start/end offsets).
 */
public final class TextFolding {

    private TextFolding() {
    }

    public static String fold(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 128) {
                sb.append(Character.toLowerCase(c));
                continue;
            }
            String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
            char base = decomposed.isEmpty() ? c : decomposed.charAt(0);
            sb.append(String.valueOf(base).toLowerCase(Locale.ROOT).charAt(0));
        }
        return sb.toString();
    }
}

package dev.cobra.runtime.conversation.engine;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.cobra.flow.model.MenuOption;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Case- and accent-insensitive comparison of what a debtor typed with option titles and keywords. */
final class TextMatching {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    /** Bounded: drafts in the designer's simulator bring titles of their own. */
    private static final Cache<String, String> TITLES = Caffeine.newBuilder().maximumSize(10_000).build();

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

    /**
     * {@link #normalize} of an option title or keyword of a flow, remembered: the same few titles are compared with
     * every menu answer. Only flow texts go in here, never what a debtor typed.
     */
    static String normalizedTitle(String title) {
        return title == null ? "" : TITLES.get(title, TextMatching::normalize);
    }

    /** Words that turn "pagar ahora" into its opposite; a sentence with one of them is left to the classifier. */
    private static final Set<String> NEGATIONS = Set.of("no", "ni", "nunca", "jamas", "tampoco", "sin",
            "not", "never", "cant", "cannot", "dont", "t");

    /**
     * The one option whose whole title appears in what the debtor typed ("quiero pagar en una fecha" names
     * "Pagar en una fecha"), or null when none or several do, or the sentence is negated. Typed titles are
     * what debtors copy from the menu, so this beats the classifier, which knows no option titles.
     */
    static MenuOption uniquelyNamedOption(String normalizedTyped, List<MenuOption> options,
                                          Function<MenuOption, String> title) {
        String padded = " " + normalizedTyped + " ";
        for (String word : normalizedTyped.split(" ")) {
            if (NEGATIONS.contains(word)) {
                return null;
            }
        }
        MenuOption found = null;
        for (MenuOption option : options) {
            String optionTitle = normalizedTitle(title.apply(option));
            if (!optionTitle.isEmpty() && padded.contains(" " + optionTitle + " ")) {
                if (found != null) {
                    return null;
                }
                found = option;
            }
        }
        return found;
    }
}

package dev.cobra.nlp.clause;

import dev.cobra.nlp.api.TextAnalysis;
import dev.cobra.nlp.api.TextAnalyzer;

import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Clauses and names by rules: a new clause starts after sentence punctuation or a comma, and before the words
 * that join a context to a request in chat ("pero", "entonces", "así que", "porque", "but", "so", "because"...).
 * People come from {@link PersonCues}. Used for English, and for Spanish until CoreNLP has loaded.
 * Stateless and thread-safe.
 */
public final class RuleTextAnalyzer implements TextAnalyzer {

    public static final String NAME = "rules";

    private static final Pattern AFTER_PUNCTUATION = Pattern.compile("[.!?;…,\\n]+\\s*");
    private static final Pattern BEFORE_JOINER = Pattern.compile(
            "(?iu)(?<=\\s)(?:pero|entonces|asi que|así que|aunque|porque|por que|xq|pq|osea|o sea|igual|"
                    + "but|so|because|bc|cause|cuz|though|then|anyway|since)\\b");

    private final PersonCues persons = new PersonCues();

    @Override
    public TextAnalysis analyze(String text, String language) {
        if (text == null || text.isBlank()) {
            return new TextAnalysis(java.util.List.of(), java.util.List.of(), NAME);
        }
        return new TextAnalysis(ClauseCuts.cut(text, cutPoints(text)), persons.find(text), NAME);
    }

    /** Where the rules start a new clause: after sentence punctuation or a comma, before a joining word. */
    public static TreeSet<Integer> cutPoints(String text) {
        TreeSet<Integer> cuts = new TreeSet<>();
        Matcher p = AFTER_PUNCTUATION.matcher(text);
        while (p.find()) {
            cuts.add(p.end());
        }
        Matcher j = BEFORE_JOINER.matcher(text);
        while (j.find()) {
            cuts.add(j.start());
        }
        return cuts;
    }
}

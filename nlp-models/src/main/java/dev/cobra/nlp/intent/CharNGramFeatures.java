package dev.cobra.nlp.intent;

import opennlp.tools.doccat.FeatureGenerator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Character 3- and 4-grams inside each word, padded with word boundaries ({@code _pagu}, {@code gue_}).
 * They let misspellings and inflections ("pague", "pagé", "pagué", "pagare") share evidence with the
 * spellings seen in training. Words shorter than three letters and the number token are skipped (their
 * unigram already covers them).
 */
public final class CharNGramFeatures implements FeatureGenerator {

    private static final int MIN = 3;
    private static final int MAX = 4;

    @Override
    public Collection<String> extractFeatures(String[] tokens, Map<String, Object> extraInformation) {
        List<String> features = new ArrayList<>();
        for (String t : tokens) {
            if (t.length() < 3 || t.startsWith("<") || t.startsWith("emo_")) {
                continue;
            }
            String padded = "_" + t + "_";
            for (int n = MIN; n <= MAX; n++) {
                for (int i = 0; i + n <= padded.length(); i++) {
                    features.add("c=" + padded.substring(i, i + n));
                }
            }
        }
        return features;
    }

    /** The {@code n}-grams of a word padded with {@code _} on both sides; none for words under three letters. */
    static List<String> paddedGrams(String word, int n) {
        if (word.length() < 3 || word.startsWith("<") || word.startsWith("emo_")) {
            return List.of();
        }
        String padded = "_" + word + "_";
        List<String> grams = new ArrayList<>();
        for (int i = 0; i + n <= padded.length(); i++) {
            grams.add(padded.substring(i, i + n));
        }
        return grams;
    }
}

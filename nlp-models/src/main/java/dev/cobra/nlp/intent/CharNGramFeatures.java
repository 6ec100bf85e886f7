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
}

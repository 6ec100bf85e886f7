package dev.cobra.nlp.intent;

import opennlp.tools.doccat.FeatureGenerator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Character 5-grams over the whole normalised message, spaces included ({@code "o pag"}, {@code "e deb"}).
 * Unlike {@link CharNGramFeatures} they cross word boundaries, so short phrases ("no debo", "ya pague")
 * and glued or split words ("yapague", "ya pa gue") share evidence with the spellings seen in training.
 */
public final class MessageCharNGramFeatures implements FeatureGenerator {

    private static final int N = 5;

    @Override
    public Collection<String> extractFeatures(String[] tokens, Map<String, Object> extraInformation) {
        String text = "^" + String.join(" ", tokens) + "$";
        List<String> features = new ArrayList<>(Math.max(0, text.length() - N + 1));
        for (int i = 0; i + N <= text.length(); i++) {
            String gram = text.substring(i, i + N);
            if (gram.indexOf(' ') >= 0 || gram.indexOf('^') >= 0 || gram.indexOf('$') >= 0) {
                features.add("m=" + gram); // within-word grams are already covered by CharNGramFeatures
            }
        }
        return features;
    }
}

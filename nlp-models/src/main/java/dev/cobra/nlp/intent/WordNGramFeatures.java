package dev.cobra.nlp.intent;

import opennlp.tools.doccat.FeatureGenerator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Word unigrams and bigrams, with sentence-boundary markers so that one-word answers ("si", "no") get a
 * distinctive feature ({@code bi=^_si}, {@code bi=si_$}). Public no-arg constructor: OpenNLP re-creates
 * feature generators by class name when a model is loaded.
 */
public final class WordNGramFeatures implements FeatureGenerator {

    @Override
    public Collection<String> extractFeatures(String[] tokens, Map<String, Object> extraInformation) {
        List<String> features = new ArrayList<>(tokens.length * 2 + 2);
        for (String t : tokens) {
            features.add("w=" + t);
        }
        String previous = "^";
        for (String t : tokens) {
            features.add("bi=" + previous + "_" + t);
            previous = t;
        }
        features.add("bi=" + previous + "_$");
        if (tokens.length == 1) {
            features.add("single=" + tokens[0]);
        }
        return features;
    }
}

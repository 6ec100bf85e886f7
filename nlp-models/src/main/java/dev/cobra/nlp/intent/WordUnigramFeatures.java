package dev.cobra.nlp.intent;

import opennlp.tools.doccat.FeatureGenerator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Bag of words only: the baseline the richer feature sets are measured against. */
public final class WordUnigramFeatures implements FeatureGenerator {

    @Override
    public Collection<String> extractFeatures(String[] tokens, Map<String, Object> extraInformation) {
        List<String> features = new ArrayList<>(tokens.length);
        for (String t : tokens) {
            features.add("w=" + t);
        }
        return features;
    }
}

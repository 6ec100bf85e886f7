package dev.cobra.nlp.intent;

import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.stemmer.snowball.SnowballStemmer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Spanish Snowball stems ({@code pague, pagare, pagando → pag}) and stem bigrams: inflections the corpus does
 * not list still meet the ones it does. A lighter stand-in for CoreNLP lemmas (docs/nlu.md explains the
 * choice). The stemmer is not thread-safe, so each call uses its own.
 */
public final class StemFeatures implements FeatureGenerator {

    @Override
    public Collection<String> extractFeatures(String[] tokens, Map<String, Object> extraInformation) {
        SnowballStemmer stemmer = new SnowballStemmer(SnowballStemmer.ALGORITHM.SPANISH);
        List<String> features = new ArrayList<>(tokens.length * 2);
        String previous = "^";
        for (String t : tokens) {
            String stem = t.startsWith("<") || t.startsWith("emo_") ? t : stemmer.stem(t).toString();
            features.add("s=" + stem);
            features.add("sb=" + previous + "_" + stem);
            previous = stem;
        }
        return features;
    }
}

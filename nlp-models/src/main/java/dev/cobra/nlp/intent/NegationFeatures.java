package dev.cobra.nlp.intent;

import opennlp.tools.doccat.FeatureGenerator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Marks the words that follow a negation ("no", "nunca", "ni", "not", "never", "dont") up to the next
 * three words, as {@code neg=word}: "no puedo pagar" and "puedo pagar" then differ in more than one
 * feature, which is what separates hardship from pay-now and deny from affirm.
 */
public final class NegationFeatures implements FeatureGenerator {

    private static final Set<String> NEGATIONS = Set.of("no", "nunca", "ni", "jamas", "tampoco", "not", "never",
            "dont", "cant", "wont", "didnt", "nel", "nop");
    private static final int SCOPE = 3;

    @Override
    public Collection<String> extractFeatures(String[] tokens, Map<String, Object> extraInformation) {
        List<String> features = new ArrayList<>();
        int remaining = 0;
        for (String t : tokens) {
            if (NEGATIONS.contains(t)) {
                remaining = SCOPE;
                continue;
            }
            if (remaining > 0) {
                features.add("neg=" + t);
                remaining--;
            }
        }
        return features;
    }
}

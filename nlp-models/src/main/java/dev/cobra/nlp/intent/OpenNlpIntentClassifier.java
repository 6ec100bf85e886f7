package dev.cobra.nlp.intent;

import dev.cobra.nlp.api.IntentClassifier;
import dev.cobra.nlp.api.IntentPrediction;
import dev.cobra.nlp.api.Intents;
import dev.cobra.nlp.api.ScoredIntent;
import dev.cobra.nlp.text.LanguageDetector;
import dev.cobra.nlp.text.TextNormalizer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@link IntentClassifier} over an OpenNLP document categoriser: a maxent model, optionally averaged with a partner
 * model on the same features (the shipped model is L-BFGS maxent + naive Bayes).
 *
 * <p>Thread safety: the models (the maxent model and its optional naive Bayes partner) are immutable and shared;
 * each call extracts its own features with the model's stateless generators and evaluates the models on them
 * ({@link IntentModel#categorize}), keeping no state between calls.
 *
 * <p>Out of scope is answered with full confidence when the text is empty or has no word the model can
 * recognise ("asdfgh", a bare link: no training word and few known character 4-grams); otherwise by the
 * {@code out_of_scope} class the corpus trains, and when the best intent's confidence is below the model's
 * out-of-scope floor (fitted at training time; the ranking then still lists the weak candidates).
 */
public final class OpenNlpIntentClassifier implements IntentClassifier {

    private final IntentModel model;
    private final TextNormalizer normalizer = new TextNormalizer();
    private final LanguageDetector languageDetector = new LanguageDetector();

    /** Padded character 4-grams of the training vocabulary, for {@link #recognisable(String)}. */
    private final Set<String> vocabularyCharGrams;
    private final List<String> categories;
    private final double outOfScopeFloor;
    private final double outOfScopeFloorConfidence;

    public OpenNlpIntentClassifier(IntentModel model) {
        this.model = model;
        this.vocabularyCharGrams = model.vocabulary().stream()
                .flatMap(w -> CharNGramFeatures.paddedGrams(w, 4).stream())
                .collect(Collectors.toUnmodifiableSet());
        this.categories = model.categories();
        this.outOfScopeFloor = model.outOfScopeFloor();
        this.outOfScopeFloorConfidence = model.outOfScopeFloorConfidence();
    }

    public IntentModel model() {
        return model;
    }

    @Override
    public IntentPrediction classify(String text, String locale) {
        List<String> tokens = normalizer.tokens(text);
        String language = languageDetector.detect(tokens, locale);
        if (tokens.stream().noneMatch(this::recognisable)) {
            return outOfScope(language);
        }
        double[] probabilities = IntentModelTrainer.scale(model.categorize(tokens.toArray(String[]::new), categories),
                model.temperature());
        List<ScoredIntent> ranking = new ArrayList<>(probabilities.length);
        for (int i = 0; i < probabilities.length; i++) {
            ranking.add(new ScoredIntent(categories.get(i), round(probabilities[i])));
        }
        ranking.sort(Comparator.comparingDouble(ScoredIntent::confidence).reversed()
                .thenComparing(ScoredIntent::name));
        ScoredIntent best = ranking.get(0);
        if (best.confidence() < outOfScopeFloor && !best.name().equals(Intents.OUT_OF_SCOPE)) {
            // a guess this weak is more often chit-chat than the intent (out-of-fold, see IntentModelTrainer);
            // the ranking keeps the scores for the designer's debug view
            return new IntentPrediction(Intents.OUT_OF_SCOPE, outOfScopeFloorConfidence, ranking, language);
        }
        return new IntentPrediction(best.name(), best.confidence(), ranking, language);
    }

    /**
     * A token the model can say something about: a training word, or a word most of whose character 4-grams
     * occur in training words ("afirmativo" after "afirma", "holiss" after "holis"). Only text with no such
     * token is out of scope before the model is asked; gating on whole words alone sent every unseen
     * one-word answer to out of scope with full confidence.
     */
    private boolean recognisable(String token) {
        if (model.vocabulary().contains(token)) {
            return true;
        }
        List<String> grams = CharNGramFeatures.paddedGrams(token, 4);
        if (grams.isEmpty()) {
            return false;
        }
        long known = grams.stream().filter(vocabularyCharGrams::contains).count();
        return known * 2 >= grams.size();
    }

    private static IntentPrediction outOfScope(String language) {
        return new IntentPrediction(Intents.OUT_OF_SCOPE, 1.0, List.of(new ScoredIntent(Intents.OUT_OF_SCOPE, 1.0)),
                language);
    }

    private static double round(double p) {
        return Math.round(p * 10_000) / 10_000.0;
    }
}

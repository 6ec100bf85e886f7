package dev.cobra.nlp.intent;

import dev.cobra.nlp.api.IntentClassifier;
import dev.cobra.nlp.api.IntentPrediction;
import dev.cobra.nlp.api.Intents;
import dev.cobra.nlp.api.ScoredIntent;
import dev.cobra.nlp.text.LanguageDetector;
import dev.cobra.nlp.text.TextNormalizer;
import opennlp.tools.doccat.DocumentCategorizerME;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@link IntentClassifier} over an OpenNLP maxent document categoriser.
 *
 * <p>Thread safety: {@link DocumentCategorizerME} keeps no per-call state worth sharing but is not documented
 * as thread-safe, so each call creates its own (a thin wrapper: the model itself is immutable and shared).
 *
 * <p>Out of scope is answered with full confidence when the text is empty or has no word the model was
 * trained on ("asdfgh", a bare link); otherwise by the {@code out_of_scope} class the corpus trains.
 */
public final class OpenNlpIntentClassifier implements IntentClassifier {

    private final IntentModel model;
    private final TextNormalizer normalizer = new TextNormalizer();
    private final LanguageDetector languageDetector = new LanguageDetector();

    public OpenNlpIntentClassifier(IntentModel model) {
        this.model = model;
    }

    public IntentModel model() {
        return model;
    }

    @Override
    public IntentPrediction classify(String text, String locale) {
        List<String> tokens = normalizer.tokens(text);
        String language = languageDetector.detect(tokens, locale);
        if (tokens.stream().noneMatch(model.vocabulary()::contains)) {
            return outOfScope(language);
        }
        DocumentCategorizerME categorizer = new DocumentCategorizerME(model.doccat());
        double[] probabilities = IntentModelTrainer.scale(categorizer.categorize(tokens.toArray(String[]::new)),
                model.temperature());
        List<ScoredIntent> ranking = new ArrayList<>(probabilities.length);
        for (int i = 0; i < probabilities.length; i++) {
            ranking.add(new ScoredIntent(categorizer.getCategory(i), round(probabilities[i])));
        }
        ranking.sort(Comparator.comparingDouble(ScoredIntent::confidence).reversed()
                .thenComparing(ScoredIntent::name));
        ScoredIntent best = ranking.get(0);
        return new IntentPrediction(best.name(), best.confidence(), ranking, language);
    }

    private static IntentPrediction outOfScope(String language) {
        return new IntentPrediction(Intents.OUT_OF_SCOPE, 1.0, List.of(new ScoredIntent(Intents.OUT_OF_SCOPE, 1.0)),
                language);
    }

    private static double round(double p) {
        return Math.round(p * 10_000) / 10_000.0;
    }
}

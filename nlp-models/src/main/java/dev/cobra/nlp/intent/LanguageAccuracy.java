package dev.cobra.nlp.intent;

import dev.cobra.nlp.api.IntentClassifier;
import dev.cobra.nlp.api.IntentPrediction;
import dev.cobra.nlp.api.Intents;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Intent accuracy on one language's held-out set, counted two ways:
 * <ul>
 * <li>{@code accuracy}: an in-scope message is right when its best intent is its label; an out-of-scope one when it
 * comes back as fallback (out of scope, or below the accept threshold);</li>
 * <li>{@code actedOnAccuracy}: stricter, an in-scope message is right only when its intent is right <em>and</em>
 * confident enough for the runtime to act on it (at or above the accept threshold, not fallback).</li>
 * </ul>
 *
 * @param errors every miss as {@code label -> intent (confidence): text}, for the report
 */
public record LanguageAccuracy(String language, int inScope, int outOfScope, double accuracy, double actedOnAccuracy,
                               double inScopeFallbackRate, double outOfScopeFallbackRate, List<String> errors) {

    public static LanguageAccuracy evaluate(String language, IntentClassifier classifier, List<LabeledExample> examples,
                                            double accept) {
        int inScope = 0;
        int outOfScope = 0;
        int right = 0;
        int actedRight = 0;
        int inScopeFallback = 0;
        int outOfScopeFallback = 0;
        List<String> errors = new ArrayList<>();
        String locale = language;
        for (LabeledExample e : examples) {
            IntentPrediction p = classifier.classify(e.text(), locale);
            boolean fallback = p.isOutOfScope() || p.confidence() < accept;
            boolean ok;
            boolean actedOk;
            if (Intents.OUT_OF_SCOPE.equals(e.label())) {
                outOfScope++;
                outOfScopeFallback += fallback ? 1 : 0;
                ok = fallback;
                actedOk = fallback;
            } else {
                inScope++;
                inScopeFallback += fallback ? 1 : 0;
                ok = p.intent().equals(e.label());
                actedOk = ok && !fallback;
            }
            right += ok ? 1 : 0;
            actedRight += actedOk ? 1 : 0;
            if (!actedOk) {
                errors.add(String.format(Locale.ROOT, "%s -> %s (%.2f): %s", e.label(), p.intent(), p.confidence(),
                        e.text()));
            }
        }
        int n = inScope + outOfScope;
        return new LanguageAccuracy(language, inScope, outOfScope, n == 0 ? 0 : (double) right / n,
                n == 0 ? 0 : (double) actedRight / n, inScope == 0 ? 0 : (double) inScopeFallback / inScope,
                outOfScope == 0 ? 0 : (double) outOfScopeFallback / outOfScope, List.copyOf(errors));
    }

    public String summary() {
        return String.format(Locale.ROOT, "%s: %d in scope + %d out of scope; accuracy %.4f, acted-on accuracy %.4f,"
                        + " in-scope fallback %.4f, out-of-scope fallback %.4f", language, inScope, outOfScope, accuracy,
                actedOnAccuracy, inScopeFallbackRate, outOfScopeFallbackRate);
    }
}

package dev.cobra.nlp.api;

import java.util.List;

/**
 * The classifier's answer.
 *
 * @param intent     best intent name, or {@link Intents#OUT_OF_SCOPE}
 * @param confidence calibrated confidence of {@code intent}
 * @param ranking    all candidate intents, best first (may be cut to the top few)
 * @param language   detected language ({@code es} or {@code en})
 */
public record IntentPrediction(String intent, double confidence, List<ScoredIntent> ranking, String language) {

    public IntentPrediction {
        ranking = ranking == null ? List.of() : List.copyOf(ranking);
    }

    /** Confidence of the runner-up, 0 when there is none. */
    public double secondConfidence() {
        return ranking.size() > 1 ? ranking.get(1).confidence() : 0.0;
    }

    public boolean isOutOfScope() {
        return Intents.OUT_OF_SCOPE.equals(intent);
    }
}

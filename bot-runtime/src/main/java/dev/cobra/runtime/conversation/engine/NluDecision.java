package dev.cobra.runtime.conversation.engine;

import dev.cobra.flow.model.FlowSettings;
import dev.cobra.nlp.api.IntentPrediction;
import dev.cobra.nlp.api.ScoredIntent;
import dev.cobra.runtime.nlu.NluResult;

import java.util.List;
import java.util.Set;

/**
 * What the engine does with a classification, under a flow's thresholds: act on it (confident), offer a short
 * choice between two close intents (clarify), or treat it as a miss (the fallback rule: a fallback result, out of
 * scope, below {@code acceptThreshold}, or within {@code clarifyMargin} of the runner-up).
 */
record NluDecision(NluResult result, FlowSettings settings) {

    /** Intents that answer a question rather than ask for something: never a new request on their own. */
    static final Set<String> SMALL_TALK = Set.of("affirm", "deny", "greet", "thanks", "out_of_scope");

    String intent() {
        IntentPrediction p = result.prediction();
        return p == null ? null : p.intent();
    }

    boolean confident() {
        IntentPrediction p = result.prediction();
        return !result.fallback() && p != null && !p.isOutOfScope() && p.confidence() >= settings.acceptThreshold()
                && p.confidence() - p.secondConfidence() >= settings.clarifyMargin();
    }

    /** Confident about an intent that asks for something (not yes/no/hello/thanks). */
    boolean confidentRequest() {
        return confident() && !SMALL_TALK.contains(intent());
    }

    /**
     * The two close candidates when the top intent is not confident only because the runner-up is close: both at
     * or above {@code clarifyThreshold}, neither small talk. Empty otherwise.
     */
    List<String> closePair() {
        IntentPrediction p = result.prediction();
        if (p == null || p.isOutOfScope() || p.ranking().size() < 2) {
            return List.of();
        }
        ScoredIntent first = p.ranking().get(0);
        ScoredIntent second = p.ranking().get(1);
        boolean close = first.confidence() - second.confidence() < settings.clarifyMargin();
        if (!close || second.confidence() < settings.clarifyThreshold()
                || SMALL_TALK.contains(first.name()) || SMALL_TALK.contains(second.name())) {
            return List.of();
        }
        return List.of(first.name(), second.name());
    }
}

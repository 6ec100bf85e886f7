package dev.cobra.nlp.api;

/**
 * Classifies one message. Implementations are thread-safe and CPU-bound: callers keep them off
 * event-loop threads.
 */
public interface IntentClassifier {

    /**
     * @param text   the debtor's message as typed
     * @param locale a language or locale tag such as {@code es}, {@code es-CO} or {@code en}; may be null
     */
    IntentPrediction classify(String text, String locale);
}

package dev.cobra.nlp.api;

/** Cuts a message into clauses and finds the people it names. Thread-safe; CPU-bound. */
public interface TextAnalyzer {

    /**
     * @param text     the message as typed
     * @param language {@code es} or {@code en} (as {@code LanguageDetector} tells them)
     */
    TextAnalysis analyze(String text, String language);
}

package dev.cobra.nlp.api;

/**
 * One clause of a message: a stretch of text with its own verb, as a reader would cut a long spoken-style message
 * ("me quedé sin trabajo" | "pero el viernes le pago 200 mil").
 *
 * @param start offset of its first character in the message (inclusive)
 * @param end   offset after its last character (exclusive)
 * @param text  the message's characters in between
 */
public record Clause(int start, int end, String text) {
}

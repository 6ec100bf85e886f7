package dev.cobra.nlp.api;

/** An intent name with its calibrated confidence in [0, 1]. */
public record ScoredIntent(String name, double confidence) {
}

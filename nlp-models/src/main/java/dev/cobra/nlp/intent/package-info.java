/**
 * The intent classifier: corpus loading, chat-text features, OpenNLP maxent training with calibrated
 * confidences (temperature scaling and the out-of-scope floor, both fitted on out-of-fold predictions), the
 * thread-safe classifier and its held-out evaluation.
 */
package dev.cobra.nlp.intent;

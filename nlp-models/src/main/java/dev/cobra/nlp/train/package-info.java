/**
 * Build-time training: the program the nlp-models build runs in {@code process-classes} to train the packaged
 * model, write the evaluation report and fail the build below the macro-F1 bar; and the feature comparison
 * behind the chosen feature set.
 */
package dev.cobra.nlp.train;

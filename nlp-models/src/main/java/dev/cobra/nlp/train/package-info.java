/**
 * Build-time training: the program the nlp-models build runs in {@code process-classes} to train the packaged
 * model, write the evaluation report and fail the build below the macro-F1 bar; the feature comparison
 * behind the chosen feature set; and the list of out-of-fold errors on the training split that guides corpus
 * work (the held-out split is never read line by line).
 */
package dev.cobra.nlp.train;

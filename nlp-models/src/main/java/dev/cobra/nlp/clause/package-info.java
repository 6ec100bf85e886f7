/**
 * Long messages: cutting a message into clauses (by rules here, by CoreNLP's parser in
 * {@code dev.cobra.nlp.corenlp}), naming the people it mentions, and choosing the main intent among the clauses
 * ({@link dev.cobra.nlp.clause.ClauseAwareClassifier}).
 */
package dev.cobra.nlp.clause;

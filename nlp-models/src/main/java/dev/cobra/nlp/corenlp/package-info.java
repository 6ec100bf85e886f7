/**
 * Stanford CoreNLP's Spanish pipeline where it beats rules: clauses of long messages from the dependency parse,
 * and PERSON mentions from the NER model. Loaded once per JVM ({@link dev.cobra.nlp.corenlp.CoreNlpAnalyzer#shared()});
 * {@link dev.cobra.nlp.corenlp.CoreNlpOrRules} answers by rules until it is ready.
 */
package dev.cobra.nlp.corenlp;

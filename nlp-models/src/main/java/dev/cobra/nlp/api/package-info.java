/**
 * The NLU API the runtime depends on: classify a short message into an intent with a calibrated
 * confidence, and extract typed entities. Implementations live in sibling packages.
 */
package dev.cobra.nlp.api;

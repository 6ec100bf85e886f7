/** The runtime side of NLU: runs the classifier and entity extractors off the event loop, and the NLU API. */
package dev.cobra.runtime.nlu;

package dev.cobra.runtime.nlu;

import dev.cobra.nlp.api.Entity;
import dev.cobra.nlp.api.IntentPrediction;
import dev.cobra.nlp.clause.ClauseAwareClassifier.ClauseIntent;

import java.util.List;
import java.util.Optional;

/**
 * Intent and entities for one message.
 *
 * @param entities   dates, amounts, installments and people named, from every clause of the message
 * @param fallback   true when the runtime would not act on the intent (below the global threshold or out of scope)
 * @param clauses    the message's clauses, each with its own reading (one, the whole text, for a short message)
 * @param mainClause index in {@code clauses} of the clause the intent comes from; -1 when from the whole message
 * @param analyzer   what cut the clauses: {@code corenlp}, or {@code rules} (CoreNLP still loading, or off)
 */
public record NluResult(String text, IntentPrediction prediction, List<Entity> entities, boolean fallback,
                        List<ClauseIntent> clauses, int mainClause, String analyzer) {

    public NluResult {
        entities = List.copyOf(entities);
        clauses = clauses == null ? List.of() : List.copyOf(clauses);
    }

    /** A result without clause detail (the whole message was classified). */
    public NluResult(String text, IntentPrediction prediction, List<Entity> entities, boolean fallback) {
        this(text, prediction, entities, fallback, List.of(), -1, null);
    }

    public Optional<Entity> firstEntity(String type) {
        return entities.stream().filter(e -> e.entity().equals(type)).findFirst();
    }
}

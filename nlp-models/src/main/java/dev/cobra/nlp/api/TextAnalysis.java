package dev.cobra.nlp.api;

import java.util.List;

/**
 * What a {@link TextAnalyzer} read in one message.
 *
 * @param clauses  the message cut into clauses, in order; one clause (the whole text) for a short message
 * @param persons  people the message names, as {@link Entity#PERSON} entities
 * @param analyzer which analyzer answered ({@code corenlp} or {@code rules}), for debugging and metrics
 */
public record TextAnalysis(List<Clause> clauses, List<Entity> persons, String analyzer) {

    public TextAnalysis {
        clauses = List.copyOf(clauses);
        persons = List.copyOf(persons);
    }
}

package dev.cobra.runtime.nlu;

import dev.cobra.nlp.api.Entity;
import dev.cobra.nlp.api.IntentPrediction;

import java.util.List;
import java.util.Optional;

/**
 * Intent and entities for one message.
 *
 * @param fallback true when the runtime would not act on the intent (below the global threshold or out of scope)
 */
public record NluResult(String text, IntentPrediction prediction, List<Entity> entities, boolean fallback) {

    public NluResult {
        entities = List.copyOf(entities);
    }

    public Optional<Entity> firstEntity(String type) {
        return entities.stream().filter(e -> e.entity().equals(type)).findFirst();
    }
}

package dev.cobra.runtime.persistence;

import de.bwaldvogel.mongo.bson.Document;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An in-memory index of the embedded database for a work queue kept inside a growing collection: the ids of the
 * documents whose {@code field} holds one of a few {@code values}, as the collection's owner declared it
 * ({@link WorkQueues}: e.g. the outbox's unsent messages). A query asking for those values reads just them instead of scanning every
 * message ever sent.
 *
 * <p>Only the documents' current state matters, so the index is kept from the stored document after each write
 * and built by one pass the first time a query needs it. Real MongoDB uses the indexes listed in
 * docs/deployment.md instead.
 */
final class EmbeddedQueueIndex {

    private final WorkQueues.Queue definition;
    private final Set<Object> ids = ConcurrentHashMap.newKeySet();
    private volatile boolean built;

    EmbeddedQueueIndex(WorkQueues.Queue definition) {
        this.definition = definition;
    }

    /** After a document was stored (inserted or updated). */
    void stored(Object id, Document document) {
        if (!built) {
            return;
        }
        if (queued(document)) {
            ids.add(id);
        } else {
            ids.remove(id);
        }
    }

    void removed(Object id) {
        ids.remove(id);
    }

    /**
     * The ids that can match {@code query}, or null when the query does not ask for queue values only (then the
     * collection is scanned as before). {@code allDocuments} builds the index on first use.
     */
    Collection<Object> candidates(Document query, Iterable<Map.Entry<Object, Document>> allDocuments) {
        if (!asksForQueueValuesOnly(query.get(definition.field()))) {
            return null;
        }
        if (!built) {
            synchronized (this) {
                if (!built) {
                    allDocuments.forEach(entry -> {
                        if (queued(entry.getValue())) {
                            ids.add(entry.getKey());
                        }
                    });
                    built = true;
                }
            }
        }
        return List.copyOf(ids);
    }

    private boolean queued(Document document) {
        return document.get(definition.field()) instanceof String value && definition.values().contains(value);
    }

    /** {@code "PENDING"} or {@code {$in: ["PENDING", "SENDING"]}}: values of the queue and nothing else. */
    private boolean asksForQueueValuesOnly(Object condition) {
        if (condition instanceof String value) {
            return definition.values().contains(value);
        }
        if (condition instanceof Document operators && operators.size() == 1
                && operators.get("$in") instanceof Collection<?> values && !values.isEmpty()) {
            return values.stream().allMatch(v -> v instanceof String s && definition.values().contains(s));
        }
        return false;
    }
}

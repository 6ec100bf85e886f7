package dev.cobra.runtime.persistence;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.MVMap;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A collection of the embedded database that answers a query naming one {@code _id} by reading that document,
 * and a query for a work queue's states ({@link EmbeddedQueueIndex}) by reading the queued documents, instead of
 * scanning the collection.
 *
 * <p>Why: mongo-java-server uses the {@code _id} index only when the query has no other field, so the runtime's
 * conditional updates ({@code {_id, status: PENDING}} when the outbox claims a message, {@code {_id, version}}
 * when a conversation is saved) scanned the whole collection — a fifth of the runtime's CPU under the load
 * harness. The document found by id is still matched against the whole query, so the answer is the scan's.
 * The whole query must hold for a match, so an id named inside a top-level {@code $and} narrows it just as well.
 */
final class EmbeddedCollection extends H2Collection {

    private static final String ID = "_id";

    private final MVMap<Object, Document> documents;
    private final String name;
    /** Where the owners' queue declarations are found (they arrive after the collection may be open). */
    private final java.util.function.Function<String, WorkQueues.Queue> declared;
    /** The work queue this collection holds, once its owner declared it; null before and for other collections. */
    private volatile EmbeddedQueueIndex queue;

    EmbeddedCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                       MVMap<Object, Document> documents, MVMap<String, Object> meta, CursorRegistry cursors,
                       java.util.function.Function<String, WorkQueues.Queue> declared) {
        super(database, collectionName, options, documents, meta, cursors);
        this.documents = documents;
        this.name = collectionName;
        this.declared = declared;
    }

    /**
     * The queue index, made when the owner's declaration is first seen. It starts unbuilt and is built from every
     * stored document at its first query, so writes made before the declaration are not missed.
     */
    private EmbeddedQueueIndex queue() {
        EmbeddedQueueIndex current = queue;
        if (current != null) {
            return current;
        }
        WorkQueues.Queue definition = declared.apply(name);
        if (definition == null) {
            return null;
        }
        synchronized (this) {
            if (queue == null) {
                queue = new EmbeddedQueueIndex(definition);
            }
            return queue;
        }
    }

    @Override
    protected Object addDocumentInternal(Document document) {
        Object position = super.addDocumentInternal(document);
        EmbeddedQueueIndex queue = queue();
        if (queue != null) {
            queue.stored(position, document);
        }
        return position;
    }

    @Override
    protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
        super.handleUpdate(position, oldDocument, newDocument);
        EmbeddedQueueIndex queue = queue();
        if (queue != null) {
            queue.stored(position, newDocument);
        }
    }

    @Override
    protected void removeDocument(Object position) {
        super.removeDocument(position);
        EmbeddedQueueIndex queue = queue();
        if (queue != null) {
            queue.removed(position);
        }
    }

    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int numberToReturn,
                                         int batchSize, Document fieldSelector) {
        Object id = singleId(query);
        if (id != null) {
            Document document = documents.get(id);
            Stream<Document> candidates = document == null ? Stream.empty() : Stream.of(document);
            return matchDocumentsFromStream(candidates, query, orderBy, numberToSkip, numberToReturn, batchSize,
                    fieldSelector);
        }
        EmbeddedQueueIndex queue = queue();
        Collection<Object> queued = queue == null || isNaturalDescending(orderBy) ? null
                : queue.candidates(query, documents.entrySet());
        if (queued != null) {
            // In key order, as the scan would have met them.
            Stream<Document> candidates = queued.stream().sorted(documents.getKeyType()::compare)
                    .map(documents::get).filter(Objects::nonNull);
            return matchDocumentsFromStream(candidates, query, orderBy, numberToSkip, numberToReturn, batchSize,
                    fieldSelector);
        }
        return super.matchDocuments(query, orderBy, numberToSkip, numberToReturn, batchSize, fieldSelector);
    }

    /**
     * The one {@code _id} the query names, at its top level or in a top-level {@code $and} (the Java driver's
     * {@code Filters.and} renders that way); null when there is none. Only ids whose stored key is the value itself
     * qualify: strings and object ids (numbers would need MongoDB's int/long/double equality; operators like
     * {@code $in} or {@code $gt} are not one id).
     */
    static Object singleId(Document query) {
        Object id = query.get(ID);
        if (id instanceof String || id instanceof ObjectId) {
            return id;
        }
        if (id == null && query.get("$and") instanceof List<?> clauses) {
            for (Object clause : clauses) {
                if (clause instanceof Document document) {
                    Object nested = singleId(document);
                    if (nested != null) {
                        return nested;
                    }
                }
            }
        }
        return null;
    }
}

package dev.cobra.runtime.persistence;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.MVMap;

import java.util.stream.Stream;

/**
 * A collection of the embedded database that answers a query naming one {@code _id} by reading that document,
 * not by scanning the collection.
 *
 * <p>Why: mongo-java-server uses the {@code _id} index only when the query has no other field, so the runtime's
 * conditional updates ({@code {_id, status: PENDING}} when the outbox claims a message, {@code {_id, version}}
 * when a conversation is saved) scanned the whole collection — a fifth of the runtime's CPU under the load
 * harness. The document found by id is still matched against the whole query, so the answer is the scan's.
 */
final class EmbeddedCollection extends H2Collection {

    private static final String ID = "_id";

    private final MVMap<Object, Document> documents;

    EmbeddedCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                       MVMap<Object, Document> documents, MVMap<String, Object> meta, CursorRegistry cursors) {
        super(database, collectionName, options, documents, meta, cursors);
        this.documents = documents;
    }

    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int numberToReturn,
                                         int batchSize, Document fieldSelector) {
        Object id = query.get(ID);
        // Only ids whose stored key is the value itself (no numeric widening, no operators like $in or $gt).
        if (id instanceof String || id instanceof ObjectId) {
            Document document = documents.get(id);
            Stream<Document> candidates = document == null ? Stream.empty() : Stream.of(document);
            return matchDocumentsFromStream(candidates, query, orderBy, numberToSkip, numberToReturn, batchSize,
                    fieldSelector);
        }
        return super.matchDocuments(query, orderBy, numberToSkip, numberToReturn, batchSize, fieldSelector);
    }
}

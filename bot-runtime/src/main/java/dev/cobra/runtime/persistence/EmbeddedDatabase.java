package dev.cobra.runtime.persistence;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A database of the embedded server whose collections store documents as BSON ({@link EmbeddedDocumentType})
 * and read single documents by id ({@link EmbeddedCollection}). Map names are H2Database's, so files written
 * by the plain H2 backend open unchanged.
 */
final class EmbeddedDatabase extends H2Database {

    /**
     * H2Database keeps its store private and opens the existing collections from its own constructor, before a
     * subclass could keep a copy: the store is read from H2Database's field, which is set by then.
     */
    private static final VarHandle STORE;

    static {
        try {
            STORE = MethodHandles.privateLookupIn(H2Database.class, MethodHandles.lookup())
                    .findVarHandle(H2Database.class, "mvStore", MVStore.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    EmbeddedDatabase(String name, MVStore store, CursorRegistry cursors) {
        super(name, store, cursors);
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        MVStore store = (MVStore) STORE.get(this);
        String namespace = getFullCollectionNamespace(collectionName);
        MVMap<Object, Document> documents = store.openMap("databases." + namespace,
                new MVMap.Builder<Object, Document>().valueType(EmbeddedDocumentType.INSTANCE));
        MVMap<String, Object> meta = store.openMap("meta." + namespace);
        return new EmbeddedCollection(this, collectionName, options, documents, meta, cursorRegistry);
    }
}

package dev.cobra.runtime.persistence;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A database of the embedded server whose collections store documents as BSON ({@link EmbeddedDocumentType}),
 * read single documents by id ({@link EmbeddedCollection}) and order unique-index keys by their BSON bytes
 * ({@link EmbeddedIndexKeyType}). Map names are H2Database's. Files written by the plain H2 backend open: their
 * documents are read as they are, and each of their index maps is rebuilt once in the new key order (recorded in
 * the map {@value #INDEX_FORMATS}).
 */
final class EmbeddedDatabase extends H2Database {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    /** Index map name → key format, for the index maps already written with {@link EmbeddedIndexKeyType}. */
    static final String INDEX_FORMATS = "cobra.index-formats";
    private static final String BSON_KEYS = "bson-1";

    /**
     * The store of the database being constructed on this thread. H2Database keeps its store private and opens the
     * existing collections from its own constructor, before a subclass could keep a copy, so {@link #open} hands
     * the store over here for the length of the constructor (no reflection into H2Database).
     */
    private static final ThreadLocal<MVStore> OPENING = new ThreadLocal<>();

    private final MVStore store;

    /**
     * The work queues declared so far. Read at call time: H2Database opens the existing collections from its own
     * constructor, before this class's fields are set.
     */
    private final java.util.function.Supplier<EmbeddedQueues> queues;

    private EmbeddedDatabase(String name, MVStore store, CursorRegistry cursors,
                             java.util.function.Supplier<EmbeddedQueues> queues) {
        super(name, store, cursors);
        this.store = store;
        this.queues = queues;
    }

    static EmbeddedDatabase open(String name, MVStore store, CursorRegistry cursors,
                                 java.util.function.Supplier<EmbeddedQueues> queues) {
        OPENING.set(store);
        try {
            return new EmbeddedDatabase(name, store, cursors, queues);
        } finally {
            OPENING.remove();
        }
    }

    /** The store, also while H2Database's constructor (before this class's fields are set) opens collections. */
    private MVStore store() {
        return store != null ? store : OPENING.get();
    }

    private WorkQueues.Queue declaredQueue(String collectionName) {
        EmbeddedQueues declared = queues == null ? null : queues.get();
        return declared == null ? null : declared.forCollection(collectionName);
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        MVStore store = store();
        String namespace = getFullCollectionNamespace(collectionName);
        MVMap<Object, Document> documents = store.openMap("databases." + namespace,
                new MVMap.Builder<Object, Document>().valueType(EmbeddedDocumentType.INSTANCE));
        MVMap<String, Object> meta = store.openMap("meta." + namespace);
        return new EmbeddedCollection(this, collectionName, options, documents, meta, cursorRegistry,
                this::declaredQueue);
    }

    /**
     * Opens the index map with {@link EmbeddedIndexKeyType} before H2Database does (MVStore then hands it the map
     * already open), rebuilding a map written in the old key order first.
     */
    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                    boolean sparse) {
        MVStore store = store();
        String mapName = getFullCollectionNamespace(collectionName) + "._index_" + indexName;
        MVMap<String, String> formats = store.openMap(INDEX_FORMATS);
        MVMap.Builder<KeyValue, Object> bsonKeys = new MVMap.Builder<KeyValue, Object>()
                .keyType(EmbeddedIndexKeyType.INSTANCE);
        if (store.hasMap(mapName) && !BSON_KEYS.equals(formats.get(mapName))) {
            rebuild(store, mapName, bsonKeys, formats);
        } else {
            store.openMap(mapName, bsonKeys);
            formats.put(mapName, BSON_KEYS);
        }
        return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
    }

    /**
     * Rewrites an index map of the old key order in the new one, in a single commit: the background writer is
     * paused meanwhile, so a crash leaves either the old map (rebuilt again at the next start) or the new one.
     */
    private static void rebuild(MVStore store, String mapName, MVMap.Builder<KeyValue, Object> bsonKeys,
                                MVMap<String, String> formats) {
        int autoCommitDelay = store.getAutoCommitDelay();
        store.setAutoCommitDelay(0);
        try {
            store.commit();
            MVMap<Object, Object> old = store.openMap(mapName);
            Map<KeyValue, Object> entries = new LinkedHashMap<>();
            old.forEach((key, position) -> entries.put((KeyValue) key, position));
            store.removeMap(old);
            store.openMap(mapName, bsonKeys).putAll(entries);
            formats.put(mapName, BSON_KEYS);
            store.commit();
            log.info("mongo.embedded.index.rebuilt index={} entries={}", mapName, entries.size());
        } finally {
            store.setAutoCommitDelay(autoCommitDelay);
        }
    }
}

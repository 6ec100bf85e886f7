package dev.cobra.runtime.persistence;

import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The Java types of the {@code _id}s each collection holds. A collection must hold one type: the embedded
 * database's H2 key type cannot order mixed keys (say a String and an ObjectId) while another thread reads or
 * writes that map's pages, and the read fails with "Can not compare" now and then.
 */
public final class IdTypes {

    private IdTypes() {
    }

    /** Collection → the simple names of its {@code _id} types. */
    public static Map<String, Set<String>> of(ReactiveMongoTemplate mongo) {
        Map<String, Set<String>> types = new TreeMap<>();
        for (String collection : mongo.getCollectionNames().collectList().block()) {
            types.put(collection, in(mongo, collection));
        }
        return types;
    }

    public static Set<String> in(ReactiveMongoTemplate mongo, String collection) {
        Query ids = new Query();
        ids.fields().include("_id");
        Set<String> types = new TreeSet<>();
        mongo.find(ids, Document.class, collection).doOnNext(doc -> types.add(doc.get("_id").getClass().getSimpleName()))
                .blockLast();
        return types;
    }

    /** The collections holding more than one {@code _id} type, with those types. */
    public static Map<String, Set<String>> mixed(ReactiveMongoTemplate mongo) {
        Map<String, Set<String>> mixed = new TreeMap<>(of(mongo));
        mixed.values().removeIf(types -> types.size() < 2);
        return mixed;
    }
}

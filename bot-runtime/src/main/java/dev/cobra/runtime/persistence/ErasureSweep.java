package dev.cobra.runtime.persistence;

import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The part of a debtor's erasure every owner of debtor records runs on its own collection after its specific
 * steps: documents keyed by the debtor id now carry the pseudonym (also in composite ids such as
 * {@code campaignId:debtorId}: such a document is re-inserted under the new id, then the old one removed), and any
 * string in a document that points at the debtor (by pseudonym, conversation or conversation id) holding their
 * personal data is replaced by {@link #ERASED}. Idempotent, so a failed erasure can simply be repeated.
 */
public final class ErasureSweep {

    public static final String ERASED = "[erased]";
    /** Fields that hold codes, never personal data: left alone by the scan so the aggregates stay intact. */
    private static final Set<String> STRUCTURAL = Set.of("_id", "status", "type", "flowId", "step", "disposition",
            "channel", "reason", "queue", "kind", "state", "debtorId", "conversationId");

    private ErasureSweep() {
    }

    /** Re-keys and scrubs {@code collection}; the number of documents changed. */
    public static Mono<Long> sweep(ReactiveMongoTemplate mongo, String collection, DebtorRecords.Erasure e) {
        return rekey(mongo, collection, e).flatMap(rekeyed -> scrub(mongo, collection, e).map(n -> rekeyed + n));
    }

    /** {@link #sweep} reported under the collection's name (nothing when nothing changed). */
    public static Mono<Map<String, Long>> sweepReported(ReactiveMongoTemplate mongo, String collection,
                                                        DebtorRecords.Erasure e) {
        return sweep(mongo, collection, e).map(n -> n > 0 ? Map.of(collection, n) : Map.of());
    }

    private static Mono<Long> rekey(ReactiveMongoTemplate mongo, String name, DebtorRecords.Erasure e) {
        String id = e.debtorId();
        Mono<Long> composite = mongo.find(Query.query(Criteria.where("debtorId").is(id)), Document.class, name)
                .filter(doc -> doc.get("_id") instanceof String key && key.contains(id))
                .concatMap(doc -> {
                    Object oldId = doc.get("_id");
                    Document copy = new Document(doc);
                    copy.put("_id", ((String) oldId).replace(id, e.pseudonym()));
                    copy.put("debtorId", e.pseudonym());
                    return mongo.save(copy, name)
                            .then(mongo.remove(Query.query(Criteria.where("_id").is(oldId)), name))
                            .thenReturn(1L);
                })
                .reduce(0L, Long::sum);
        return composite.flatMap(n -> mongo.updateMulti(Query.query(Criteria.where("debtorId").is(id)),
                new Update().set("debtorId", e.pseudonym()), name).map(r -> n + r.getModifiedCount()));
    }

    private static Mono<Long> scrub(ReactiveMongoTemplate mongo, String name, DebtorRecords.Erasure e) {
        if (e.personal().isEmpty()) {
            return Mono.just(0L);
        }
        Criteria linked = new Criteria().orOperator(Criteria.where("debtorId").is(e.pseudonym()),
                Criteria.where("conversationId").in(e.conversationIds()), Criteria.where("_id").in(e.conversationIds()));
        return mongo.find(Query.query(linked), Document.class, name)
                .concatMap(doc -> {
                    Document clean = (Document) scrub(doc, e.personal());
                    if (clean.equals(doc)) {
                        return Mono.<Long>empty();
                    }
                    return mongo.getCollection(name).flatMap(c -> Mono.from(c.replaceOne(
                            new Document("_id", doc.get("_id")), clean))).thenReturn(1L);
                })
                .reduce(0L, Long::sum);
    }

    /** A copy of {@code value} with every string holding one of {@code personal} replaced by {@link #ERASED}. */
    public static Object scrub(Object value, Set<String> personal) {
        if (value instanceof Document d) {
            Document copy = new Document();
            d.forEach((k, v) -> copy.append(k, STRUCTURAL.contains(k) ? v : scrub(v, personal)));
            return copy;
        }
        if (value instanceof Map<?, ?> m) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            m.forEach((k, v) -> copy.put(k, scrub(v, personal)));
            return copy;
        }
        if (value instanceof Collection<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(scrub(v, personal)));
            return copy;
        }
        if (value instanceof String s) {
            String lower = s.toLowerCase();
            for (String p : personal) {
                if (lower.contains(p)) {
                    return ERASED;
                }
            }
        }
        return value;
    }

    /** Adds {@code n} under {@code collection} when positive: the counts an owner reports. */
    public static Map<String, Long> counted(Map<String, Long> counts, String collection, long n) {
        Map<String, Long> out = new LinkedHashMap<>(counts);
        if (n > 0) {
            out.merge(collection, n, Long::sum);
        }
        return out;
    }
}

package dev.cobra.runtime.account;

import dev.cobra.runtime.persistence.CollectionOwner;
import dev.cobra.runtime.persistence.DebtorRecords;
import dev.cobra.runtime.persistence.ErasureSweep;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Holds ({@code debtor_holds}): one document per debtor ({@code _id} = debtor id, read by id on every contact
 * decision) with the active holds, at most one per type, and the lifted ones kept for the audit (who, when, note).
 * Changes are compare-and-set on {@code version}, retried when another writer came first.
 */
@Component
@CollectionOwner("debtor_holds")
public class HoldStore implements DebtorRecords {

    private static final String COLLECTION = "debtor_holds";
    private static final int MAX_RETRIES = 10;

    private final ReactiveMongoTemplate mongo;

    public HoldStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    private record Holds(long version, List<Hold> active, List<Hold.Lifted> lifted) {
    }

    /** The holds in force at {@code now}. */
    public Mono<List<Hold>> active(String debtorId, Instant now) {
        return find(debtorId).map(h -> h.active().stream().filter(x -> x.activeAt(now)).toList());
    }

    /** Lifted and expired holds, oldest first. */
    public Mono<List<Hold.Lifted>> lifted(String debtorId) {
        return find(debtorId).map(Holds::lifted);
    }

    /**
     * Places {@code hold} unless one of its type is already in force (that one is kept and returned: the first
     * reason and start stay). An expired hold of the type moves to the lifted list first.
     */
    public Mono<Hold> place(String debtorId, Hold hold, Instant now) {
        return change(debtorId, now, holds -> {
            Optional<Hold> current = holds.active().stream().filter(h -> h.type().equals(hold.type())).findFirst();
            if (current.isPresent() && current.get().activeAt(now)) {
                return new Change(null, current.get());
            }
            List<Hold> active = new ArrayList<>(holds.active());
            List<Hold.Lifted> lifted = new ArrayList<>(holds.lifted());
            current.ifPresent(expired -> {
                active.remove(expired);
                lifted.add(new Hold.Lifted(expired, expired.until(), "expired", null));
            });
            active.add(hold);
            return new Change(new Holds(holds.version(), active, lifted), hold);
        }).map(result -> (Hold) result);
    }

    /** Lifts the active hold of {@code type}; empty when there is none. */
    public Mono<Hold.Lifted> lift(String debtorId, String type, String by, String note, Instant now) {
        return change(debtorId, now, holds -> {
            Optional<Hold> current = holds.active().stream().filter(h -> h.type().equals(type) && h.activeAt(now)).findFirst();
            if (current.isEmpty()) {
                return new Change(null, null);
            }
            Hold.Lifted record = new Hold.Lifted(current.get(), now, by, note);
            List<Hold> active = new ArrayList<>(holds.active());
            active.remove(current.get());
            List<Hold.Lifted> lifted = new ArrayList<>(holds.lifted());
            lifted.add(record);
            return new Change(new Holds(holds.version(), active, lifted), record);
        }).map(result -> (Hold.Lifted) result);
    }

    /** What a change writes (null: nothing) and answers. */
    private record Change(Holds next, Object result) {
    }

    private Mono<Object> change(String debtorId, Instant now, Function<Holds, Change> decide) {
        return Mono.defer(() -> find(debtorId).flatMap(holds -> {
                    Change change = decide.apply(holds);
                    if (change.next() == null) {
                        return Mono.justOrEmpty(change.result());
                    }
                    return write(debtorId, change.next(), holds.version(), now).flatMap(written -> written
                            ? Mono.justOrEmpty(change.result())
                            : Mono.error(new ConcurrentModification()));
                }))
                .retryWhen(reactor.util.retry.Retry.max(MAX_RETRIES).filter(ConcurrentModification.class::isInstance));
    }

    private static final class ConcurrentModification extends RuntimeException {
        ConcurrentModification() {
            super("holds changed meanwhile", null, false, false);
        }
    }

    private Mono<Holds> find(String debtorId) {
        return mongo.findById(debtorId, Document.class, COLLECTION).map(HoldStore::fromDocument)
                .defaultIfEmpty(new Holds(0, List.of(), List.of()));
    }

    private Mono<Boolean> write(String debtorId, Holds next, long expected, Instant now) {
        List<Document> active = next.active().stream().map(HoldStore::toDocument).toList();
        List<Document> lifted = next.lifted().stream().map(l -> toDocument(l.hold()).append("liftedAt", date(l.liftedAt()))
                .append("liftedBy", l.liftedBy()).append("note", l.note())).toList();
        if (expected == 0) {
            return mongo.insert(new Document("_id", debtorId).append("version", 1L).append("active", active)
                            .append("lifted", lifted).append("updatedAt", Date.from(now)), COLLECTION).thenReturn(true)
                    .onErrorResume(DuplicateKeyException.class, e -> Mono.just(false));
        }
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(debtorId).and("version").is(expected)),
                new Update().set("active", active).set("lifted", lifted).set("version", expected + 1)
                        .set("updatedAt", Date.from(now)), COLLECTION).map(r -> r.getMatchedCount() == 1);
    }

    /**
     * The document is keyed by the debtor id and holds nothing the aggregates need (payments stay in
     * {@code payments} under the pseudonym): it is deleted.
     */
    @Override
    public Mono<Map<String, Long>> erase(Erasure e) {
        return mongo.remove(Query.query(Criteria.where("_id").is(e.debtorId())), COLLECTION)
                .map(r -> ErasureSweep.counted(Map.of(), COLLECTION, r.getDeletedCount()));
    }

    @Override
    public Mono<Map<String, List<Document>>> export(String debtorId, List<String> conversationIds) {
        return mongo.findById(debtorId, Document.class, COLLECTION).map(doc -> Map.of("holds", List.of(doc)));
    }

    private static Document toDocument(Hold h) {
        return new Document("type", h.type()).append("debtId", h.debtId()).append("reason", h.reason())
                .append("since", date(h.since())).append("until", date(h.until())).append("by", h.by());
    }

    private static Hold hold(Document d) {
        return new Hold(d.getString("type"), d.getString("debtId"), d.getString("reason"), instant(d.getDate("since")),
                instant(d.getDate("until")), d.getString("by"));
    }

    private static Holds fromDocument(Document doc) {
        Object version = doc.get("version");
        return new Holds(version instanceof Number n ? n.longValue() : 1L,
                doc.getList("active", Document.class, List.of()).stream().map(HoldStore::hold).toList(),
                doc.getList("lifted", Document.class, List.of()).stream().map(d -> new Hold.Lifted(hold(d),
                        instant(d.getDate("liftedAt")), d.getString("liftedBy"), d.getString("note"))).toList());
    }

    private static Date date(Instant at) {
        return at == null ? null : Date.from(at);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}

package dev.cobra.runtime.verification;

import dev.cobra.runtime.persistence.CollectionOwner;
import dev.cobra.runtime.persistence.DebtorRecords;
import dev.cobra.runtime.persistence.RecordCache;
import dev.cobra.runtime.persistence.RecordCaches;
import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Failed identity checks per debtor (collection {@code verification_failures}, one document per debtor: the recent
 * failure times and the end of a lock). Every change is one atomic single-document update, so concurrent sessions
 * of one debtor, on one instance or several, count every failure and exactly one of them takes the lock.
 */
@CollectionOwner("verification_failures")
public class VerificationFailureStore implements DebtorRecords {

    private static final String COLLECTION = "verification_failures";
    /** Failure times kept per debtor; more than any sensible limit, and bounds the document under a flood. */
    static final int KEPT_FAILURES = 50;

    private final ReactiveMongoTemplate mongo;
    /**
     * This process's copies (read at every identity check; see {@link RecordCache}: exact, embedded database only).
     * A copy with no failure and no lock means the debtor has no document, so forgetting it writes nothing.
     */
    private final RecordCache<Record> copies;

    public VerificationFailureStore(ReactiveMongoTemplate mongo) {
        this(mongo, RecordCache.off());
    }

    @org.springframework.beans.factory.annotation.Autowired
    public VerificationFailureStore(ReactiveMongoTemplate mongo, RecordCaches caches) {
        this(mongo, caches.<Record>create());
    }

    VerificationFailureStore(ReactiveMongoTemplate mongo, RecordCache<Record> copies) {
        this.mongo = mongo;
        this.copies = copies;
    }

    /** The debtor's record: failure times (oldest first) and lock end; empty failures when there is none. */
    public Mono<Record> find(String debtorId) {
        return copies.read(debtorId, () -> mongo.findById(debtorId, Document.class, COLLECTION)
                .map(VerificationFailureStore::toRecord)
                .defaultIfEmpty(NONE));
    }

    private static final Record NONE = new Record(List.of(), null);

    /** Appends a failure and returns the record after it. */
    public Mono<Record> recordFailure(String debtorId, Instant at) {
        Update update = new Update().push("failures").slice(-KEPT_FAILURES).each(Date.from(at))
                .set("updatedAt", Date.from(at));
        return copies.written(debtorId, mongo.findAndModify(Query.query(Criteria.where("_id").is(debtorId)), update,
                        FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION))
                .map(VerificationFailureStore::toRecord);
    }

    /**
     * Locks verification until {@code until} unless a lock is already running; the failures start over.
     *
     * @return true for the one caller that took the lock
     */
    public Mono<Boolean> lock(String debtorId, Instant now, Instant until) {
        Query notLocked = Query.query(Criteria.where("_id").is(debtorId).orOperator(
                Criteria.where("lockedUntil").is(null), Criteria.where("lockedUntil").lte(Date.from(now))));
        Update update = new Update().set("lockedUntil", Date.from(until)).set("failures", List.of())
                .set("updatedAt", Date.from(now));
        return copies.written(debtorId, mongo.updateFirst(notLocked, update, COLLECTION))
                .map(result -> result.getModifiedCount() == 1);
    }

    /** A successful check (or an erasure) forgets the debtor's failures. */
    public Mono<Void> forget(String debtorId) {
        if (NONE.equals(copies.peek(debtorId))) {
            return Mono.empty(); // known to have no document (the usual case: verified at the first attempt)
        }
        return copies.written(debtorId, mongo.remove(Query.query(Criteria.where("_id").is(debtorId)), COLLECTION))
                .then();
    }

    /** Erasure: the debtor's failure count is simply dropped (it names nobody once the debtor is gone). */
    @Override
    public Mono<Map<String, Long>> erase(Erasure erasure) {
        return copies.written(erasure.debtorId(),
                        mongo.remove(Query.query(Criteria.where("_id").is(erasure.debtorId())), COLLECTION))
                .map(result -> Map.of(COLLECTION, result.getDeletedCount()));
    }

    private static Record toRecord(Document doc) {
        List<Date> dates = doc.getList("failures", Date.class, List.of());
        Date locked = doc.getDate("lockedUntil");
        return new Record(dates.stream().map(Date::toInstant).toList(), locked == null ? null : locked.toInstant());
    }

    /** A debtor's failures (oldest first) and the end of the current or last lock. */
    public record Record(List<Instant> failures, Instant lockedUntil) {

        public boolean lockedAt(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }

        public long failuresSince(Instant from) {
            return failures.stream().filter(at -> at.isAfter(from)).count();
        }
    }
}

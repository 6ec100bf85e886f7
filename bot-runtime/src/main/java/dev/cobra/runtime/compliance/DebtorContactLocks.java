package dev.cobra.runtime.compliance;

import dev.cobra.runtime.persistence.CollectionOwner;
import dev.cobra.runtime.persistence.DebtorRecords;
import dev.cobra.runtime.persistence.ErasureSweep;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One contact decision at a time per debtor, across runtime instances (collection {@value #COLLECTION}): without
 * it, a campaign and a reminder deciding at the same moment could both pass a once-a-day cap. A lock is one
 * document per debtor taken with an upsert that only matches when it is free or expired (a taken lock makes the
 * upsert collide on {@code _id}); it expires by itself after {@link #LEASE} if its holder died. Lease times use
 * the wall clock, never a test's pinned clock.
 */
@CollectionOwner("contact_locks")
public class DebtorContactLocks implements DebtorRecords {

    private static final String COLLECTION = "contact_locks";
    static final Duration LEASE = Duration.ofSeconds(15);
    static final Duration WAIT = Duration.ofSeconds(10);

    /** Thrown when the lock stays taken for longer than {@link #WAIT}. */
    public static final class Busy extends RuntimeException {
        Busy() {
            super("contact decision for this debtor is busy", null, false, false);
        }
    }

    private final ReactiveMongoTemplate mongo;

    public DebtorContactLocks(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Runs {@code work} holding the debtor's lock, and releases it however the work ends. */
    public <T> Mono<T> withLock(String debtorId, Supplier<Mono<T>> work) {
        String owner = new ObjectId().toHexString();
        return acquire(debtorId, owner)
                .then(Mono.defer(work))
                .flatMap(result -> release(debtorId, owner).thenReturn(result))
                .onErrorResume(error -> error instanceof Busy ? Mono.error(error)
                        : release(debtorId, owner).then(Mono.error(error)))
                .switchIfEmpty(Mono.defer(() -> release(debtorId, owner).then(Mono.empty())));
    }

    private Mono<Void> acquire(String debtorId, String owner) {
        return Mono.defer(() -> {
                    Instant now = Instant.now();
                    Query free = Query.query(Criteria.where("_id").is(debtorId).and("until").lt(Date.from(now)));
                    Update take = new Update().set("owner", owner).set("until", Date.from(now.plus(LEASE)));
                    return mongo.findAndModify(free, take, FindAndModifyOptions.options().upsert(true).returnNew(true),
                            Document.class, COLLECTION);
                })
                .onErrorMap(DuplicateKeyException.class, e -> new Busy())
                .onErrorMap(e -> !(e instanceof Busy) && isDuplicateKey(e), e -> new Busy())
                .retryWhen(Retry.fixedDelay(WAIT.toMillis() / 20, Duration.ofMillis(20)).filter(e -> e instanceof Busy)
                        .onRetryExhaustedThrow((spec, signal) -> new Busy()))
                .then();
    }

    private Mono<Void> release(String debtorId, String owner) {
        return mongo.remove(Query.query(Criteria.where("_id").is(debtorId).and("owner").is(owner)), COLLECTION).then();
    }

    private static boolean isDuplicateKey(Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause()) {
            if (e.getMessage() != null && e.getMessage().contains("E11000")) {
                return true;
            }
        }
        return false;
    }

    /** The records stay (they are evidence) under the pseudonym, without personal data. */
    @Override
    public Mono<Map<String, Long>> erase(Erasure e) {
        return ErasureSweep.sweepReported(mongo, COLLECTION, e);
    }
}

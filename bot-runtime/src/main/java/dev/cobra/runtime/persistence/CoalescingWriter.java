package dev.cobra.runtime.persistence;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import com.mongodb.reactivestreams.client.MongoCollection;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.dao.DuplicateKeyException;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Writes to one collection that many turns make at the same time (mark a message processed, mark one sent, append
 * a transcript, queue a turn's replies) sent as one bulk command instead of one command each: group commit at the
 * client.
 *
 * <p>Why: under load every turn makes the same few small writes, and each command costs a round trip, the
 * driver's and the server's command handling and (on the embedded database) a wait for a commit — more than the
 * write itself. While one batch is in flight the next ones queue; when it is answered, everything queued goes
 * out as the next batch. No timer: a lone write goes out at once, so an idle system sees no added latency.
 *
 * <p>Each caller's {@link Mono} completes when its own writes are durable (the bulk command was acknowledged).
 * A duplicate key among a caller's inserts fails that caller with {@link DuplicateKeyException}; a command that
 * fails as a whole (database unreachable) fails every caller in it with that error, so each caller's own retry
 * applies. Only writes whose outcome the caller does not need per document fit here: updates report no
 * per-statement match count. Unordered batches (the default) may be applied in any order and go on after a failed
 * statement; ordered ones keep submission order, for writes whose order others observe (the outbox's messages,
 * whose sender takes each recipient's oldest first).
 */
public final class CoalescingWriter {

    /** Statements per command at most; MongoDB's own limit is 100,000, this keeps one command small. */
    static final int MAX_BATCH = 500;

    private final Mono<MongoCollection<Document>> collection;
    private final boolean ordered;
    /** Writes waiting for the next batch; guarded by itself, like {@link #flushing}. */
    private final Deque<Pending> queue = new ArrayDeque<>();
    private boolean flushing;

    /** Unordered batches: a failed statement does not stop the others. */
    public CoalescingWriter(Mono<MongoCollection<Document>> collection) {
        this(collection, false);
    }

    /**
     * {@code ordered}: each batch is applied in submission order and stops at the first failed statement (MongoDB's
     * ordered bulk write); the callers after it are sent again in the next batch, so their writes are neither lost
     * nor reordered.
     */
    public CoalescingWriter(Mono<MongoCollection<Document>> collection, boolean ordered) {
        this.collection = collection.cache();
        this.ordered = ordered;
    }

    /** Inserts the documents (ids set by the caller, so a retry after a lost answer meets its own duplicates). */
    public Mono<Void> insert(List<Document> documents) {
        if (documents.isEmpty()) {
            return Mono.empty();
        }
        List<WriteModel<Document>> models = new ArrayList<>(documents.size());
        documents.forEach(document -> models.add(new InsertOneModel<>(document)));
        return submit(models);
    }

    /** Updates the first document matching {@code filter}; whether one matched is not reported. */
    public Mono<Void> updateOne(Bson filter, Bson update) {
        return submit(List.of(new UpdateOneModel<>(filter, update)));
    }

    private Mono<Void> submit(List<WriteModel<Document>> models) {
        return Mono.create(sink -> {
            synchronized (queue) {
                queue.addLast(new Pending(models, sink));
            }
            flush();
        });
    }

    /** Sends what is queued unless a batch is in flight (its answer calls this again). */
    private void flush() {
        List<Pending> batch = new ArrayList<>();
        synchronized (queue) {
            if (flushing || queue.isEmpty()) {
                return;
            }
            int statements = 0;
            while (statements < MAX_BATCH && !queue.isEmpty()) {
                Pending next = queue.pollFirst();
                batch.add(next);
                statements += next.models.size();
            }
            flushing = true;
        }
        List<WriteModel<Document>> models = new ArrayList<>();
        batch.forEach(pending -> models.addAll(pending.models));
        collection.flatMap(c -> Mono.from(c.bulkWrite(models, new BulkWriteOptions().ordered(ordered))))
                .subscribe(result -> { }, error -> answer(batch, error), () -> answer(batch, null));
    }

    /** Lets the next batch go first, then completes the callers of this one. */
    private void answer(List<Pending> batch, Throwable error) {
        List<Pending> notTried = ordered && error != null ? notTried(batch, error) : List.of();
        synchronized (queue) {
            for (int i = notTried.size() - 1; i >= 0; i--) {
                queue.addFirst(notTried.get(i)); // ahead of everything submitted since, in their order
            }
            flushing = false;
        }
        flush();
        int first = 0;
        for (Pending pending : batch) {
            int count = pending.models.size();
            Throwable own = error == null ? null : errorOf(error, first, count);
            first += count;
            if (notTried.contains(pending)) {
                continue;
            }
            if (own == null) {
                pending.sink.success();
            } else {
                pending.sink.error(own);
            }
        }
    }

    /** The callers of an ordered batch entirely after its failed statement: MongoDB did not try their writes. */
    private static List<Pending> notTried(List<Pending> batch, Throwable error) {
        if (!(error instanceof MongoBulkWriteException bulk) || bulk.getWriteErrors().isEmpty()) {
            return List.of();
        }
        int failed = bulk.getWriteErrors().get(0).getIndex();
        List<Pending> after = new ArrayList<>();
        int first = 0;
        for (Pending pending : batch) {
            if (first > failed) {
                after.add(pending);
            }
            first += pending.models.size();
        }
        return after;
    }

    /** The error that concerns statements {@code [first, first + count)} of a failed batch, or null if none. */
    private static Throwable errorOf(Throwable error, int first, int count) {
        if (!(error instanceof MongoBulkWriteException bulk) || bulk.getWriteConcernError() != null) {
            return error;
        }
        for (BulkWriteError writeError : bulk.getWriteErrors()) {
            int index = writeError.getIndex();
            if (index >= first && index < first + count) {
                return writeError.getCode() == DUPLICATE_KEY
                        ? new DuplicateKeyException(writeError.getMessage(), bulk)
                        : bulk;
            }
        }
        return null;
    }

    private static final int DUPLICATE_KEY = 11000;

    private record Pending(List<WriteModel<Document>> models, MonoSink<Void> sink) {
    }
}

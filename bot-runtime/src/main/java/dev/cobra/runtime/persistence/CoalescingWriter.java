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

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Writes to one collection that many turns make at the same time (mark a message processed, mark one sent, append
 * a transcript) sent as one unordered bulk command instead of one command each: group commit at the client.
 *
 * <p>Why: under load every turn makes the same few small writes, and each command costs a round trip, the
 * driver's and the server's command handling and (on the embedded database) a wait for a commit — more than the
 * write itself. While one batch is in flight the next ones queue; when it is answered, everything queued goes
 * out as the next batch. No timer: a lone write goes out at once, so an idle system sees no added latency.
 *
 * <p>Each caller's {@link Mono} completes when its own writes are durable (the bulk command was acknowledged).
 * A duplicate key among a caller's inserts fails that caller with {@link DuplicateKeyException} (the other
 * writes of the batch are applied: the batch is unordered); a command that fails as a whole (database
 * unreachable) fails every caller in it with that error, so each caller's own retry applies. Only writes whose
 * outcome the caller does not need per document fit here: updates report no per-statement match count. An
 * unordered batch may be applied in any order, so writes whose order others observe (the outbox's messages,
 * sent head first by id) do not belong here either.
 */
public final class CoalescingWriter {

    /** Statements per command at most; MongoDB's own limit is 100,000, this keeps one command small. */
    static final int MAX_BATCH = 500;

    private final Mono<MongoCollection<Document>> collection;
    private final Queue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean flushing = new AtomicBoolean();

    public CoalescingWriter(Mono<MongoCollection<Document>> collection) {
        this.collection = collection.cache();
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
            queue.add(new Pending(models, sink));
            flush();
        });
    }

    /** Sends what is queued unless a batch is in flight (its answer calls this again). */
    private void flush() {
        while (flushing.compareAndSet(false, true)) {
            List<Pending> batch = new ArrayList<>();
            int statements = 0;
            Pending next;
            while (statements < MAX_BATCH && (next = queue.poll()) != null) {
                batch.add(next);
                statements += next.models.size();
            }
            if (!batch.isEmpty()) {
                send(batch);
                return;
            }
            flushing.set(false);
            if (queue.isEmpty()) {
                return; // else a write arrived between the poll and the reset: go round again
            }
        }
    }

    private void send(List<Pending> batch) {
        List<WriteModel<Document>> models = new ArrayList<>();
        batch.forEach(pending -> models.addAll(pending.models));
        collection.flatMap(c -> Mono.from(c.bulkWrite(models, new BulkWriteOptions().ordered(false))))
                .subscribe(result -> { }, error -> answer(batch, error), () -> answer(batch, null));
    }

    /** Lets the next batch go first, then completes the callers of this one. */
    private void answer(List<Pending> batch, Throwable error) {
        flushing.set(false);
        flush();
        int first = 0;
        for (Pending pending : batch) {
            Throwable own = error == null ? null : errorOf(error, first, pending.models.size());
            first += pending.models.size();
            if (own == null) {
                pending.sink.success();
            } else {
                pending.sink.error(own);
            }
        }
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

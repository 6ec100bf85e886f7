package dev.cobra.runtime.persistence;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import reactor.core.publisher.Mono;

import java.util.function.Supplier;

/**
 * A collection owner's in-process copy of records it reads on every turn (the debtor, the debt account), kept
 * exact by the owner itself: every write of the owner goes through {@link #written}, which drops the record when
 * the write starts and again when it ends. A read that overlapped a write of its record is not kept (a write
 * counter per stripe of keys is compared before and after the read), so a read that started before a write can
 * never put the old record back after it. Stripes, not one counter: under load some write of another record
 * overlaps almost every read, and a single counter kept nearly nothing (measured: the verification failures'
 * copies were never kept). Keys sharing a stripe only cost a copy not kept, never a stale one.
 *
 * <p>Exact only while this process is the database's only client (the embedded default): the owners get an
 * enabled cache from {@link RecordCaches} only then; with a shared MongoDB another instance could change the
 * record behind this copy, and the cache is off (every read goes to the database).
 */
public final class RecordCache<V> {

    private final Cache<String, V> copies;
    private static final int STRIPES = 1024;
    private final java.util.concurrent.atomic.AtomicLongArray writes = new java.util.concurrent.atomic.AtomicLongArray(STRIPES);

    RecordCache(long maximumSize) {
        this.copies = maximumSize <= 0 ? null : Caffeine.newBuilder().maximumSize(maximumSize).build();
    }

    /** A cache that keeps nothing (a shared MongoDB, or tests of the plain read path). */
    public static <V> RecordCache<V> off() {
        return new RecordCache<>(0);
    }

    /** For tests of the owners: an enabled cache of {@code maximumSize} records. */
    public static <V> RecordCache<V> ofSize(long maximumSize) {
        return new RecordCache<>(maximumSize);
    }

    public boolean enabled() {
        return copies != null;
    }

    /** The kept record, else {@code load} (kept when no write of this owner ran meanwhile). */
    public Mono<V> read(String key, Supplier<Mono<V>> load) {
        if (copies == null || key == null) {
            return Mono.defer(load);
        }
        return Mono.defer(() -> {
            V kept = copies.getIfPresent(key);
            if (kept != null) {
                return Mono.just(kept);
            }
            int stripe = stripe(key);
            long before = writes.get(stripe);
            return load.get().doOnNext(value -> {
                if (writes.get(stripe) == before) {
                    copies.put(key, value);
                }
            });
        });
    }

    /** The record this process keeps, without reading; null when none (or when the cache is off). */
    public V peek(String key) {
        return copies == null ? null : copies.getIfPresent(key);
    }

    /**
     * Wraps a write of the record {@code key} ({@code null}: a write that may change any record). The copy is
     * dropped when the write is subscribed and again when it answers, fails or is cancelled, before its caller
     * sees the answer.
     */
    public <T> Mono<T> written(String key, Mono<T> write) {
        if (copies == null) {
            return write;
        }
        return Mono.defer(() -> {
            changed(key);
            return write;
        }).doOnSuccess(ignored -> changed(key)).doOnError(ignored -> changed(key)).doOnCancel(() -> changed(key));
    }

    private void changed(String key) {
        if (key == null) {
            for (int i = 0; i < STRIPES; i++) {
                writes.incrementAndGet(i);
            }
            copies.invalidateAll();
        } else {
            writes.incrementAndGet(stripe(key));
            copies.invalidate(key);
        }
    }

    private static int stripe(String key) {
        int h = key.hashCode();
        return (h ^ (h >>> 16)) & (STRIPES - 1);
    }
}

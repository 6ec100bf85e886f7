package dev.cobra.runtime.flow;

import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The published-version pointers read by the engine (which version of a flow is live; which flows are stage
 * flows), held for a short time so that a burst of new conversations does not read the {@code flows} collection
 * twice per conversation.
 *
 * <p>A write through this instance ({@link #invalidate}, called before the write's result reaches its caller)
 * drops everything at once; a read that raced with such a
 * write is not kept (generation check), so this instance always sees its own publications at once. Another
 * instance's publication is seen within {@link #TTL}.
 */
final class PublishedPointers {

    static final Duration TTL = Duration.ofSeconds(1);

    private record Entry<T>(T value, long expiresAt) {
    }

    private final Map<String, Entry<?>> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final Supplier<Long> nanoTime;

    PublishedPointers() {
        this(System::nanoTime);
    }

    PublishedPointers(Supplier<Long> nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** The value under {@code key}, read by {@code load} when absent or older than {@link #TTL}. */
    @SuppressWarnings("unchecked")
    <T> Mono<T> get(String key, Mono<T> load) {
        return Mono.defer(() -> { // at subscription, not assembly: a chain built before a write must see it
            Entry<?> cached = entries.get(key);
            if (cached != null && nanoTime.get() - cached.expiresAt() < 0) {
                return Mono.justOrEmpty(((Entry<Optional<T>>) cached).value());
            }
            long readGeneration = generation.get();
            return load.map(Optional::of).defaultIfEmpty(Optional.empty()).doOnNext(value -> {
                if (generation.get() == readGeneration) {
                    entries.put(key, new Entry<>(value, nanoTime.get() + TTL.toNanos()));
                }
            }).flatMap(Mono::justOrEmpty);
        });
    }

    /** After any write to the pointers: the next reads go to the database. */
    void invalidate() {
        generation.incrementAndGet();
        entries.clear();
    }
}

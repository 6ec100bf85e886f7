package dev.cobra.runtime.flow;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class PublishedPointersTest {

    private final AtomicLong now = new AtomicLong();
    private final PublishedPointers pointers = new PublishedPointers(now::get);
    private final AtomicInteger reads = new AtomicInteger();
    private volatile Integer stored = 1;

    private Mono<Integer> load() {
        return Mono.fromSupplier(() -> {
            reads.incrementAndGet();
            return stored;
        });
    }

    @Test
    void aPointerIsReadOncePerSecondAndAgainAfterAWriteHere() {
        assertThat(pointers.get("published:a", load()).block()).isEqualTo(1);
        stored = 2; // another instance publishes
        now.addAndGet(PublishedPointers.TTL.toNanos() / 2);
        assertThat(pointers.get("published:a", load()).block()).as("held").isEqualTo(1);
        now.addAndGet(PublishedPointers.TTL.toNanos());
        assertThat(pointers.get("published:a", load()).block()).as("seen within the TTL").isEqualTo(2);
        stored = 3;
        pointers.invalidate(); // this instance publishes
        assertThat(pointers.get("published:a", load()).block()).as("own write seen at once").isEqualTo(3);
        assertThat(reads.get()).isEqualTo(3);
    }

    @Test
    void aChainBuiltBeforeAWriteReadsAfterIt() {
        assertThat(pointers.get("published:a", load()).block()).isEqualTo(1);
        Mono<Integer> assembledEarly = pointers.get("published:a", load());
        stored = 2;
        pointers.invalidate();
        assertThat(assembledEarly.block()).isEqualTo(2);
    }

    @Test
    void anUnpublishedFlowIsHeldAsEmptyToo() {
        stored = null;
        assertThat(pointers.get("published:b", load()).block()).isNull();
        assertThat(pointers.get("published:b", load()).block()).isNull();
        assertThat(reads.get()).isEqualTo(1);
    }

    @Test
    void aReadThatRacedWithAWriteIsNotKept() {
        Sinks.One<Integer> slowRead = Sinks.one();
        Mono<Integer> racing = pointers.get("stages", slowRead.asMono());
        Integer[] seen = new Integer[1];
        racing.subscribe(value -> seen[0] = value);
        pointers.invalidate(); // a publication lands while the read is in flight
        slowRead.tryEmitValue(1);
        assertThat(seen[0]).isEqualTo(1);
        stored = 2;
        assertThat(pointers.get("stages", load()).block()).as("the raced value was not cached").isEqualTo(2);
    }
}

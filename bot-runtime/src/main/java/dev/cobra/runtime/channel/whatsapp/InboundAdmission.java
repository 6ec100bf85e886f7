package dev.cobra.runtime.channel.whatsapp;

import reactor.core.publisher.Mono;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Lets at most {@code limit} inbound messages be processed at once; the others wait, first come first served.
 *
 * <p>Why: a burst (a campaign's replies) used to start every accepted message's turn at once. All of them then
 * advanced together through the same database and CPU, so each took as long as the whole backlog and almost
 * none was answered while the burst lasted, and the webhook's own acknowledgement writes queued behind them
 * (load harness, open loop: docs/benchmarks.md). Bounded, the backlog is answered in arrival order at the rate
 * the machine sustains, and acknowledgements stay quick. Accepted messages are already stored, so waiting here
 * loses nothing.
 */
final class InboundAdmission {

    private final int limit;
    private final AtomicInteger running = new AtomicInteger();
    private final Queue<Runnable> waiting = new ConcurrentLinkedQueue<>();
    /** Drain requests not yet served; non-zero while one thread drains. */
    private final AtomicInteger draining = new AtomicInteger();

    InboundAdmission(int limit) {
        this.limit = Math.max(1, limit);
    }

    /** Runs {@code work} once a place is free; the place is held until the work terminates. */
    <T> Mono<T> admit(Supplier<Mono<T>> work) {
        return Mono.create(sink -> {
            Runnable start = () -> work.get()
                    .doFinally(signal -> release())
                    .subscribe(sink::success, sink::error, sink::success);
            waiting.add(start);
            drain();
        });
    }

    /** Messages waiting for a place (for tests and logs). */
    int waiting() {
        return waiting.size();
    }

    private void release() {
        running.decrementAndGet();
        drain();
    }

    /**
     * Starts waiting work while places are free. One thread at a time drains (the others only note that there is
     * more to do), so work starts in arrival order: two threads polling side by side could each take an item and
     * start the later one first. Only the draining thread takes places, so {@code running} never passes the limit.
     */
    private void drain() {
        if (draining.getAndIncrement() != 0) {
            return;
        }
        int missed = 1;
        do {
            while (running.get() < limit) {
                Runnable next = waiting.poll();
                if (next == null) {
                    break;
                }
                running.incrementAndGet();
                next.run();
            }
            missed = draining.addAndGet(-missed);
        } while (missed != 0);
    }
}

package dev.cobra.runtime.conversation;

import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.scheduler.Schedulers;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The one serial lane per conversation (issue 17 step 1): the work of a key (a conversation id, or a channel
 * identity such as {@code whatsapp:<user>} before its conversation is known) runs one job at a time in submission
 * order, and at most {@code limit} lanes run at once across all keys; the others wait first come first served.
 * Nothing holds a thread while waiting; keys with nothing queued take no memory.
 *
 * <p>A channel runs all of a message's work in its user's lane (debtor lookup, media, the turn, the done-mark), and
 * the {@link TurnHandler} submits the turn to the same lane: a job submitted from inside a running job of the same
 * key runs at once, in it (re-entrant, found through the Reactor context), instead of queueing behind itself. A job
 * submitted from inside a running job of another key takes no place of its own (the outer job holds one), so
 * nested work can never wait for places held by the lanes waiting for it.
 *
 * <p>Why the bound: a burst (a campaign's replies) used to start every accepted message's turn at once; all of
 * them then advanced together, so each took as long as the whole backlog and acknowledgement writes queued behind
 * them (docs/benchmarks.md). Bounded, the backlog is answered in arrival order at the rate the machine sustains.
 *
 * <p>Invariant: a key is present in {@code lanes} exactly while one of its jobs is admitted or running; its queue
 * holds the jobs waiting behind it. All queue changes happen inside {@link ConcurrentMap#compute}.
 */
public final class ConversationLanes {

    /** Default of {@code bot.turns-in-flight}: enough lanes at once for the embedded database's group commits. */
    public static final int DEFAULT_IN_FLIGHT = 64;

    private static final String HELD = ConversationLanes.class.getName() + ".held";

    private final int limit;
    private final ConcurrentMap<String, Queue<Job<?>>> lanes = new ConcurrentHashMap<>();
    private final AtomicInteger running = new AtomicInteger();
    private final Queue<Runnable> waiting = new ConcurrentLinkedQueue<>();
    /** Drain requests not yet served; non-zero while one thread drains. */
    private final AtomicInteger draining = new AtomicInteger();

    public ConversationLanes(int limit) {
        this.limit = Math.max(1, limit);
    }

    /** The lane of a channel identity whose conversation is not known yet. */
    public static String identityKey(String channel, String externalUserId) {
        return channel + ":" + externalUserId;
    }

    /** The job's Mono is subscribed when its turn comes; the returned Mono completes with its result. */
    public <T> Mono<T> submit(String key, Supplier<Mono<T>> job) {
        return Mono.deferContextual(context -> {
            Object held = context.getOrDefault(HELD, null);
            if (key.equals(held)) {
                return Mono.defer(job); // already running in this lane
            }
            boolean needsPlace = held == null;
            return Mono.<T>create(sink -> {
                Job<T> submitted = new Job<>(job, sink, needsPlace);
                boolean[] first = {false};
                lanes.compute(key, (k, queue) -> {
                    if (queue == null) {
                        first[0] = true;
                        return new ArrayDeque<>();
                    }
                    queue.add(submitted);
                    return queue;
                });
                if (first[0]) {
                    admit(key, submitted, false);
                }
            });
        });
    }

    /** Keys with a job admitted or running (for tests and metrics). */
    public int activeLanes() {
        return lanes.size();
    }

    /** Lanes whose next job waits for a place (for tests and logs). */
    public int waiting() {
        return waiting.size();
    }

    private <T> void admit(String key, Job<T> job, boolean hop) {
        // Hop to a worker when started from a completion: a long queue of jobs that complete synchronously would
        // otherwise grow the stack by one frame chain per job.
        Runnable start = hop ? () -> Schedulers.parallel().schedule(() -> run(key, job)) : () -> run(key, job);
        if (!job.needsPlace) {
            start.run();
            return;
        }
        waiting.add(start);
        drain();
    }

    private <T> void run(String key, Job<T> job) {
        Mono<T> work;
        try {
            work = job.work.get();
        } catch (RuntimeException e) {
            work = Mono.error(e);
        }
        // The caller's Reactor context goes with the job (the turn's metrics count its database commands there).
        work.contextWrite(context -> context.putAll(job.sink.contextView()).put(HELD, key)).subscribe(
                value -> {
                    job.resolved = true;
                    job.sink.success(value);
                },
                error -> {
                    job.sink.error(error);
                    finished(key, job);
                },
                () -> {
                    if (!job.resolved) {
                        job.sink.success();
                    }
                    finished(key, job);
                });
    }

    private void finished(String key, Job<?> job) {
        if (job.needsPlace) {
            running.decrementAndGet();
        }
        Job<?>[] following = {null};
        lanes.compute(key, (k, queue) -> {
            if (queue == null) {
                return null;
            }
            following[0] = queue.poll();
            return following[0] == null ? null : queue;
        });
        if (following[0] != null) {
            admit(key, following[0], true);
        }
        if (job.needsPlace) {
            drain();
        }
    }

    /**
     * Starts waiting lanes while places are free. One thread at a time drains (the others only note that there is
     * more to do), so lanes start in arrival order, and only the draining thread takes places, so {@code running}
     * never passes the limit.
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

    private static final class Job<T> {
        final Supplier<Mono<T>> work;
        final MonoSink<T> sink;
        final boolean needsPlace;
        volatile boolean resolved;

        Job(Supplier<Mono<T>> work, MonoSink<T> sink, boolean needsPlace) {
            this.work = work;
            this.sink = sink;
            this.needsPlace = needsPlace;
        }
    }
}

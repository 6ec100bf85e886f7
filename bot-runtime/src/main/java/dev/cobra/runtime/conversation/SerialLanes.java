package dev.cobra.runtime.conversation;

import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.scheduler.Schedulers;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * Runs jobs one at a time per key, in submission order, without holding a thread while waiting: a job starts
 * when the previous job of the same key has terminated. Keys with nothing queued take no memory.
 *
 * <p>Invariant: a key is present in {@code lanes} exactly while one of its jobs runs; its queue holds the jobs
 * waiting behind it. All queue changes happen inside {@link ConcurrentMap#compute}, which serialises them per
 * key.
 */
final class SerialLanes {

    private final ConcurrentMap<String, Queue<Job<?>>> lanes = new ConcurrentHashMap<>();

    /** The job's Mono is subscribed when its turn comes; the returned Mono completes with its result. */
    <T> Mono<T> submit(String key, Supplier<Mono<T>> job) {
        return Mono.create(sink -> {
            Job<T> submitted = new Job<>(job, sink);
            boolean[] runNow = {false};
            lanes.compute(key, (k, queue) -> {
                if (queue == null) {
                    runNow[0] = true;
                    return new ArrayDeque<>();
                }
                queue.add(submitted);
                return queue;
            });
            if (runNow[0]) {
                run(key, submitted);
            }
        });
    }

    /** Number of keys with a job running (for tests and metrics). */
    int activeLanes() {
        return lanes.size();
    }

    private <T> void run(String key, Job<T> job) {
        Mono<T> work;
        try {
            work = job.work.get();
        } catch (RuntimeException e) {
            work = Mono.error(e);
        }
        // The caller's Reactor context goes with the job (the turn's metrics count its database commands there).
        work.contextWrite(job.sink.contextView()).subscribe(
                value -> {
                    job.resolved = true;
                    job.sink.success(value);
                },
                error -> {
                    job.sink.error(error);
                    next(key);
                },
                () -> {
                    if (!job.resolved) {
                        job.sink.success();
                    }
                    next(key);
                });
    }

    private void next(String key) {
        Job<?>[] following = {null};
        lanes.compute(key, (k, queue) -> {
            if (queue == null) {
                return null;
            }
            following[0] = queue.poll();
            return following[0] == null ? null : queue;
        });
        if (following[0] != null) {
            // Hop to a worker instead of recursing: a long queue of jobs that complete synchronously would
            // otherwise grow the stack by one frame chain per job.
            Job<?> job = following[0];
            Schedulers.parallel().schedule(() -> run(key, job));
        }
    }

    private static final class Job<T> {
        final Supplier<Mono<T>> work;
        final MonoSink<T> sink;
        volatile boolean resolved;

        Job(Supplier<Mono<T>> work, MonoSink<T> sink) {
            this.work = work;
            this.sink = sink;
        }
    }
}

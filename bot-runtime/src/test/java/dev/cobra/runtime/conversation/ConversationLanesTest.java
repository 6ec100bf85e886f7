package dev.cobra.runtime.conversation;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class ConversationLanesTest {

    private final ConversationLanes lanes = new ConversationLanes(64);

    @Test
    void aJobSeesItsCallersReactorContextAlsoWhenItWaitedBehindAnother() {
        reactor.core.publisher.Sinks.One<String> release = reactor.core.publisher.Sinks.one();
        Mono<String> first = lanes.submit("c1", () -> release.asMono());
        Mono<String> second = lanes.submit("c1", () -> Mono.deferContextual(ctx -> Mono.just(ctx.getOrDefault("turn", "none"))))
                .contextWrite(ctx -> ctx.put("turn", "t2"));

        StepVerifier.create(Flux.mergeSequential(first.contextWrite(ctx -> ctx.put("turn", "t1")), second))
                .then(() -> release.tryEmitValue("first"))
                .expectNext("first", "t2").verifyComplete();
    }

    @Test
    void jobsOfOneKeyRunOneAtATimeInSubmissionOrderEvenWhenLaterOnesAreFaster() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger maxRunning = new AtomicInteger();
        List<Integer> order = new CopyOnWriteArrayList<>();

        List<Mono<Integer>> jobs = IntStream.rangeClosed(1, 50).mapToObj(i -> lanes.submit("c1", () -> Mono.defer(() -> {
            maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
            order.add(i);
            // Earlier jobs take longer: without the lane, later ones would overtake them.
            return Mono.delay(Duration.ofMillis(ThreadLocalRandom.current().nextInt(1, 5) + (50 - i) / 10))
                    .doOnNext(t -> running.decrementAndGet()).thenReturn(i);
        }))).toList();

        StepVerifier.create(Flux.mergeSequential(jobs)).expectNextCount(50).verifyComplete();
        assertThat(order).containsExactlyElementsOf(IntStream.rangeClosed(1, 50).boxed().toList());
        assertThat(maxRunning.get()).isEqualTo(1);
        assertThat(lanes.activeLanes()).isZero();
    }

    @Test
    void differentKeysDoNotWaitForEachOther() {
        Mono<String> slow = lanes.submit("a", () -> Mono.delay(Duration.ofMillis(300)).thenReturn("slow"));
        Mono<String> fast = lanes.submit("b", () -> Mono.just("fast"));

        StepVerifier.create(Flux.merge(slow.subscribeOn(Schedulers.parallel()), fast))
                .expectNext("fast", "slow").verifyComplete();
    }

    @Test
    void aFailedJobFailsOnlyItsCallerAndTheLaneGoesOn() {
        Mono<String> failing = lanes.submit("c", () -> Mono.error(new IllegalStateException("boom")));
        Mono<String> next = lanes.submit("c", () -> Mono.just("next"));

        StepVerifier.create(failing).expectErrorMessage("boom").verify();
        StepVerifier.create(next).expectNext("next").verifyComplete();
        assertThat(lanes.activeLanes()).isZero();
    }

    @Test
    void aLongQueueOfSynchronousJobsDoesNotOverflowTheStack() {
        int jobs = 20_000;
        AtomicInteger done = new AtomicInteger();
        // The first job holds the lane until all others are queued behind it.
        reactor.core.publisher.Sinks.One<String> gate = reactor.core.publisher.Sinks.one();
        Mono<String> first = lanes.submit("e", gate::asMono);
        List<Mono<Integer>> rest = IntStream.range(0, jobs)
                .mapToObj(i -> lanes.submit("e", () -> Mono.just(i).doOnNext(x -> done.incrementAndGet()))).toList();
        first.subscribe();
        Flux.merge(rest).subscribe();

        gate.tryEmitValue("open");

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> done.get() == jobs);
        assertThat(lanes.activeLanes()).isZero();
    }

    @Test
    void anEmptyJobCompletesEmptyAndReleasesTheLane() {
        StepVerifier.create(lanes.submit("d", Mono::<String>empty)).verifyComplete();
        StepVerifier.create(lanes.submit("d", () -> Mono.just("after"))).expectNext("after").verifyComplete();
    }

    // Repeated: the start order once broke only when two completions drained at the same moment (7 in 300 runs).
    @org.junit.jupiter.api.RepeatedTest(50)
    void atMostTheLimitOfLanesRunsAtOnceAndTheRestStartInArrivalOrder() {
        ConversationLanes bounded = new ConversationLanes(3);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        List<Integer> started = new CopyOnWriteArrayList<>();
        List<Mono<Integer>> works = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int n = i;
            works.add(bounded.submit("user-" + n, () -> Mono.fromRunnable(() -> {
                        started.add(n);
                        mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                    })
                    .then(Mono.delay(Duration.ofMillis(5 + n % 4)))
                    .doOnTerminate(running::decrementAndGet) // before the completion reaches the lanes
                    .thenReturn(n)));
        }
        // Subscribed in order: they queue in that order.
        List<Integer> results = Flux.mergeSequential(works).collectList().block(Duration.ofSeconds(30));

        assertThat(results).hasSize(40);
        assertThat(mostAtOnce.get()).isEqualTo(3);
        assertThat(started).isSorted();
        assertThat(bounded.waiting()).isZero();
        // The last job's caller hears its answer just before the lane is given back.
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> bounded.activeLanes() == 0);
    }

    @Test
    void aFailingOrEmptyJobFreesItsPlace() {
        ConversationLanes one = new ConversationLanes(1);
        Mono<String> failing = one.submit("a", () -> Mono.error(new IllegalStateException("boom")));
        Mono<String> empty = one.submit("b", Mono::empty);
        Mono<String> next = one.submit("c", () -> Mono.just("ran"));

        assertThat(failing.onErrorReturn("failed").block(Duration.ofSeconds(5))).isEqualTo("failed");
        assertThat(empty.block(Duration.ofSeconds(5))).isNull();
        assertThat(next.block(Duration.ofSeconds(5))).isEqualTo("ran");
    }

    /**
     * A channel runs a message in its user's lane and the turn handler submits the turn to the same lane: the turn
     * runs inside the channel's job (it would otherwise wait behind it forever), and with one place only, work of
     * another key submitted from inside a job takes no place of its own.
     */
    @Test
    void aJobSubmittedFromInsideItsOwnLaneRunsInItAndNestedWorkNeedsNoPlace() {
        ConversationLanes one = new ConversationLanes(1);
        List<String> order = new CopyOnWriteArrayList<>();
        Mono<String> message = one.submit("whatsapp:u1", () -> Mono.fromRunnable(() -> order.add("message"))
                .then(one.submit("whatsapp:u1", () -> Mono.fromSupplier(() -> {
                    order.add("turn");
                    return "turn";
                })))
                .flatMap(turn -> one.submit("c_other", () -> Mono.just(turn + "+nested"))));
        Mono<String> later = one.submit("whatsapp:u1", () -> Mono.fromSupplier(() -> {
            order.add("later");
            return "later";
        }));

        StepVerifier.create(Flux.mergeSequential(message, later)).expectNext("turn+nested", "later")
                .verifyComplete();
        assertThat(order).containsExactly("message", "turn", "later");
        assertThat(one.activeLanes()).isZero();
    }
}

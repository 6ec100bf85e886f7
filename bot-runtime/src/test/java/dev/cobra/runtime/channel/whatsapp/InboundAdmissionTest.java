package dev.cobra.runtime.channel.whatsapp;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class InboundAdmissionTest {

    // Repeated: the start order once broke only when two completions drained at the same moment (7 in 300 runs).
    @RepeatedTest(50)
    void atMostTheLimitRunsAtOnceAndTheRestStartInArrivalOrder() {
        InboundAdmission admission = new InboundAdmission(3);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        List<Integer> started = new CopyOnWriteArrayList<>();
        List<Mono<Integer>> works = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int n = i;
            works.add(admission.admit(() -> Mono.fromRunnable(() -> {
                        started.add(n);
                        mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                    })
                    .then(Mono.delay(Duration.ofMillis(5 + n % 4)))
                    .doOnTerminate(running::decrementAndGet) // before the completion reaches the admission
                    .thenReturn(n)));
        }
        // Subscribed in order: they queue in that order.
        List<Integer> results = Flux.mergeSequential(works).collectList().block(Duration.ofSeconds(30));

        assertThat(results).hasSize(40);
        assertThat(mostAtOnce.get()).isEqualTo(3);
        assertThat(started).isSorted();
        assertThat(admission.waiting()).isZero();
    }

    @Test
    void aFailingOrEmptyWorkFreesItsPlace() {
        InboundAdmission admission = new InboundAdmission(1);
        Mono<String> failing = admission.admit(() -> Mono.error(new IllegalStateException("boom")));
        Mono<String> empty = admission.admit(Mono::empty);
        Mono<String> next = admission.admit(() -> Mono.just("ran"));

        assertThat(failing.onErrorReturn("failed").block(Duration.ofSeconds(5))).isEqualTo("failed");
        assertThat(empty.block(Duration.ofSeconds(5))).isNull();
        assertThat(next.block(Duration.ofSeconds(5))).isEqualTo("ran");
    }
}

package dev.cobra.runtime.nlu;

import dev.cobra.nlp.api.Intents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class OpenNlpNluServiceTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final ZoneId BOGOTA = ZoneId.of("America/Bogota");

    private final OpenNlpNluService service = new OpenNlpNluService(new IntentModelRegistry(),
            new NluProperties(0.65, 2, 100));

    @AfterEach
    void stop() {
        service.shutdown();
    }

    @Test
    void classifiesAndExtractsOnItsOwnBoundedSchedulerNotTheCallersThread() {
        AtomicReference<String> thread = new AtomicReference<>();
        Mono<NluResult> parsed = Mono.just("x").publishOn(Schedulers.parallel())
                .flatMap(x -> service.parse("les pago el 15", "es-CO", TODAY, BOGOTA))
                .doOnNext(r -> thread.set(Thread.currentThread().getName()));
        StepVerifier.create(parsed)
                .assertNext(r -> {
                    assertThat(r.prediction().intent()).isEqualTo(Intents.REQUEST_MORE_TIME);
                    assertThat(r.firstEntity("date")).get().extracting(e -> e.value()).isEqualTo("2026-12-15");
                })
                .verifyComplete();
        assertThat(thread.get()).startsWith("nlu-");
    }

    @Test
    void marksOutOfScopeAndLowConfidenceAsFallback() {
        StepVerifier.create(service.parse("zxqwv plonk", "es", TODAY, BOGOTA))
                .assertNext(r -> assertThat(r.fallback()).isTrue())
                .verifyComplete();
        NluResult confident = service.parseNow("no me escriban más", "es", TODAY, BOGOTA);
        assertThat(confident.prediction().intent()).isEqualTo(Intents.OPT_OUT);
        assertThat(confident.fallback()).isEqualTo(confident.prediction().confidence() < 0.65);
    }

    @Test
    void treatsNullTextAsAnEmptyMessage() {
        NluResult r = service.parseNow(null, null, null, null);
        assertThat(r.text()).isEmpty();
        assertThat(r.fallback()).isTrue();
        assertThat(r.entities()).isEmpty();
    }
}

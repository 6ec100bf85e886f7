package dev.cobra.runtime.nlu;

import dev.cobra.nlp.api.Intents;
import dev.cobra.runtime.web.error.ApiException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The retraining gate and its single-flight rule, over an in-memory store. */
class NluTrainingServiceTest {

    /** In-memory stand-in for the MongoDB store. */
    static class InMemoryStore extends NluModelStore {
        final List<StoredExample> examples = new ArrayList<>();
        final Map<Integer, byte[]> bytes = new ConcurrentHashMap<>();
        final List<ModelVersion> versions = new ArrayList<>();
        final AtomicInteger sequence = new AtomicInteger();
        Integer active;
        Flux<StoredExample> examplesSource;

        InMemoryStore() {
            super(null);
        }

        @Override
        public Flux<StoredExample> examples() {
            return examplesSource != null ? examplesSource : Flux.fromIterable(examples);
        }

        @Override
        public Mono<Integer> nextVersion() {
            return Mono.fromSupplier(sequence::incrementAndGet);
        }

        @Override
        public Mono<ModelVersion> saveModel(ModelVersion version, byte[] model) {
            versions.add(version);
            bytes.put(version.version(), model);
            return Mono.just(version);
        }

        @Override
        public Mono<byte[]> modelBytes(int version) {
            return Mono.justOrEmpty(bytes.get(version));
        }

        @Override
        public Mono<Integer> activeVersion() {
            return Mono.justOrEmpty(active);
        }

        @Override
        public Mono<Void> setActiveVersion(int version) {
            return Mono.fromRunnable(() -> active = version);
        }
    }

    private final InMemoryStore store = new InMemoryStore();
    private final IntentModelRegistry registry = new IntentModelRegistry();
    private final NluTrainingService service = new NluTrainingService(store, registry, new NluProperties(0.65, 1, 10));

    @AfterEach
    void stop() {
        service.shutdown();
    }

    @Test
    void aSecondTrainingWhileOneIsRunningIsRefusedWithConflict() {
        store.examplesSource = Flux.never(); // the first run waits for its examples forever
        service.train("dana").subscribe();
        StepVerifier.create(service.train("dana"))
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(ApiException.class);
                    assertThat(((ApiException) e).code()).isEqualTo("training_in_progress");
                })
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void aModelTrainedOnMislabelledExamplesIsKeptButNotActivated() {
        // 400 greetings labelled as pay_now: the candidate is worse on the held-out split than the packaged model
        for (int i = 0; i < 400; i++) {
            String text = List.of("hola", "buenos dias", "buenas tardes", "gracias", "hola que tal").get(i % 5);
            store.examples.add(new NluModelStore.StoredExample("x" + i, Intents.PAY_NOW, text, "mallory",
                    Instant.EPOCH));
        }
        StepVerifier.create(service.train("mallory"))
                .assertNext(outcome -> {
                    assertThat(outcome.version()).isEqualTo(1);
                    assertThat(outcome.macroF1()).isLessThan(outcome.previousMacroF1());
                    assertThat(outcome.activated()).isFalse();
                    assertThat(outcome.addedExamples()).isEqualTo(400);
                })
                .verifyComplete();
        assertThat(registry.active().version()).isZero();
        assertThat(store.versions).singleElement().satisfies(v -> assertThat(v.accepted()).isFalse());
        assertThat(registry.classifier().classify("hola", "es").intent()).isEqualTo(Intents.GREET);

        // the rejected version is kept and can still be activated on purpose, and rolled back
        StepVerifier.create(service.activate(1)).expectNext(1).verifyComplete();
        assertThat(registry.active().version()).isEqualTo(1);
        assertThat(registry.classifier().classify("hola", "es").intent()).isEqualTo(Intents.PAY_NOW);
        StepVerifier.create(service.activate(0)).expectNext(0).verifyComplete();
        assertThat(registry.classifier().classify("hola", "es").intent()).isEqualTo(Intents.GREET);
        assertThat(store.active).isZero();
    }
}

package dev.cobra.runtime.nlu;

import dev.cobra.nlp.intent.EvaluationReport;
import dev.cobra.nlp.intent.IntentCorpus;
import dev.cobra.nlp.intent.IntentEvaluator;
import dev.cobra.nlp.intent.IntentModel;
import dev.cobra.nlp.intent.IntentModelTrainer;
import dev.cobra.nlp.intent.LabeledExample;
import dev.cobra.nlp.intent.OpenNlpIntentClassifier;
import dev.cobra.nlp.intent.TrainingConfig;
import dev.cobra.runtime.web.error.ApiException;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Retraining from the designers' examples, with a safety net: a new model is trained on the shipped training
 * split plus every added example, scored on the shipped held-out split (never trained on), and becomes active
 * only if its macro-F1 is not below the active model's on that same split. Every trained version is kept, so
 * any of them — or the packaged model, version 0 — can be activated again (rollback).
 *
 * <p>Training is CPU-heavy (seconds): it runs on a single {@code nlu-train} thread, one training at a time
 * (a second request meanwhile gets 409 {@code training_in_progress}).
 */
@Component
public class NluTrainingService {

    private static final Logger log = LoggerFactory.getLogger(NluTrainingService.class);

    private final NluModelStore store;
    private final IntentModelRegistry registry;
    private final NluProperties properties;
    private final Clock clock;
    private final Scheduler trainer = Schedulers.newBoundedElastic(1, 4, "nlu-train");
    private final AtomicBoolean training = new AtomicBoolean();

    public NluTrainingService(NluModelStore store, IntentModelRegistry registry, NluProperties properties) {
        this.store = store;
        this.registry = registry;
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    /** What a training run produced. */
    public record TrainingOutcome(int version, double macroF1, double previousMacroF1, int previousVersion,
                                  boolean activated, int trainingExamples, int addedExamples, long millis) {
    }

    public Mono<TrainingOutcome> train(String author) {
        if (!training.compareAndSet(false, true)) {
            return Mono.error(ApiException.conflict("training_in_progress", "A training run is already in progress."));
        }
        IntentModelRegistry.ActiveModel current = registry.active();
        return store.examples().collectList()
                .publishOn(trainer)
                .map(added -> {
                    long started = System.nanoTime();
                    List<LabeledExample> examples = new ArrayList<>(IntentCorpus.shippedTraining());
                    added.forEach(e -> examples.add(new LabeledExample(e.intent(), e.text())));
                    IntentModel model = IntentModelTrainer.train(examples, TrainingConfig.defaults());
                    List<LabeledExample> heldOut = IntentCorpus.shippedTest();
                    EvaluationReport candidate = IntentEvaluator.evaluate(new OpenNlpIntentClassifier(model), heldOut,
                            properties.fallbackThreshold());
                    EvaluationReport active = IntentEvaluator.evaluate(current.classifier(), heldOut,
                            properties.fallbackThreshold());
                    return new Trained(model, candidate.macroF1(), active.macroF1(), examples.size(), added.size(),
                            (System.nanoTime() - started) / 1_000_000);
                })
                .flatMap(t -> store.nextVersion().flatMap(version -> {
                    boolean accept = t.macroF1() >= t.previousMacroF1();
                    Instant now = clock.instant();
                    NluModelStore.ModelVersion info = new NluModelStore.ModelVersion(version, now, author, t.macroF1(),
                            t.examples(), accept);
                    Mono<Void> activation = accept
                            ? store.setActiveVersion(version).doOnSuccess(v -> registry.activate(version, t.model()))
                            : Mono.empty();
                    return store.saveModel(info, t.model().toBytes()).then(activation)
                            .thenReturn(new TrainingOutcome(version, t.macroF1(), t.previousMacroF1(), current.version(),
                                    accept, t.examples(), t.added(), t.millis()));
                }))
                .doOnNext(o -> log.info("nlu.train.done version={} macroF1={} previous={} activated={} examples={} ms={}",
                        o.version(), o.macroF1(), o.previousMacroF1(), o.activated(), o.trainingExamples(), o.millis()))
                .doFinally(s -> training.set(false));
    }

    /** Makes {@code version} the active model (0 = the packaged one): the rollback path. */
    public Mono<Integer> activate(int version) {
        Mono<IntentModel> model = version == IntentModelRegistry.PACKAGED_VERSION
                ? Mono.fromCallable(IntentModel::loadPackaged).subscribeOn(trainer)
                : store.modelBytes(version).publishOn(trainer).map(IntentModel::fromBytes);
        return model
                .switchIfEmpty(Mono.error(new ApiException(HttpStatus.NOT_FOUND, "not_found",
                        "No model version " + version + ".")))
                .flatMap(m -> store.setActiveVersion(version).doOnSuccess(v -> registry.activate(version, m)))
                .thenReturn(version);
    }

    /** After a restart, the version designers last activated is active again. */
    @EventListener(ApplicationReadyEvent.class)
    public void restoreActiveVersion() {
        store.activeVersion()
                .filter(v -> v != IntentModelRegistry.PACKAGED_VERSION && v != registry.active().version())
                .flatMap(this::activate)
                .subscribe(v -> log.info("nlu.model.restored version={}", v),
                        e -> log.warn("nlu.model.restore.failed cause={}", e.toString()));
    }

    @PreDestroy
    void shutdown() {
        trainer.dispose();
    }

    private record Trained(IntentModel model, double macroF1, double previousMacroF1, int examples, int added,
                           long millis) {
    }
}

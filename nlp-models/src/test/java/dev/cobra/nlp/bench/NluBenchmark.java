package dev.cobra.nlp.bench;

import dev.cobra.nlp.api.Entity;
import dev.cobra.nlp.api.IntentPrediction;
import dev.cobra.nlp.entity.RuleBasedEntityExtractor;
import dev.cobra.nlp.intent.IntentCorpus;
import dev.cobra.nlp.intent.IntentModel;
import dev.cobra.nlp.intent.LabeledExample;
import dev.cobra.nlp.intent.OpenNlpIntentClassifier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * JMH benchmarks of the NLU hot path: one classification and one entity extraction per call, over the held-out
 * messages in turn (real chat-length text), sampled so that p50/p99 can be read. Also the one-off cost of loading
 * the packaged model. Run (after {@code mvn -pl nlp-models test-compile}):
 * <pre>java -cp nlp-models/target/test-classes:nlp-models/target/classes:&lt;deps&gt; dev.cobra.nlp.bench.NluBenchmark</pre>
 * Results: docs/benchmarks.md, "NLU".
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 4)
@Fork(value = 1, jvmArgs = {"-Xms256m", "-Xmx512m"})
public class NluBenchmark {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final ZoneId BOGOTA = ZoneId.of("America/Bogota");

    /**
     * {@code ensemble}: the packaged model as shipped (L-BFGS + naive Bayes partner); {@code primaryOnly}: the same
     * model without its partner, to show what the partner costs under the same machine load.
     */
    @Param({"ensemble", "primaryOnly"})
    public String model;

    private OpenNlpIntentClassifier classifier;
    private RuleBasedEntityExtractor extractor;
    private List<String> messages;
    private int next;

    @Setup(Level.Trial)
    public void load() {
        IntentModel packaged = IntentModel.loadPackaged();
        classifier = new OpenNlpIntentClassifier("primaryOnly".equals(model)
                ? new IntentModel(packaged.doccat(), packaged.temperature(), packaged.vocabulary(), packaged.info())
                : packaged);
        extractor = new RuleBasedEntityExtractor();
        messages = IntentCorpus.shippedTest().stream().map(LabeledExample::text).toList();
    }

    private String nextMessage() {
        next = (next + 1) % messages.size();
        return messages.get(next);
    }

    @Benchmark
    public IntentPrediction classify() {
        return classifier.classify(nextMessage(), "es-CO");
    }

    @Benchmark
    public List<Entity> extractEntities() {
        return extractor.extract(nextMessage(), "es-CO", TODAY, BOGOTA);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 0)
    @Measurement(iterations = 5)
    public IntentModel loadPackagedModel() {
        return IntentModel.loadPackaged();
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(NluBenchmark.class.getSimpleName()).build()).run();
        HeapProbe.main(args);
    }
}

package dev.cobra.nlp.bench;

import dev.cobra.nlp.api.TextAnalyzer;
import dev.cobra.nlp.clause.ClauseAwareClassifier;
import dev.cobra.nlp.clause.ClauseCuts;
import dev.cobra.nlp.clause.RuleTextAnalyzer;
import dev.cobra.nlp.corenlp.CoreNlpAnalyzer;
import dev.cobra.nlp.intent.IntentCorpus;
import dev.cobra.nlp.intent.IntentModel;
import dev.cobra.nlp.intent.LabeledExample;
import dev.cobra.nlp.intent.OpenNlpIntentClassifier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Cost per message of the clause-aware NLU (docs/benchmarks.md, "CoreNLP"): {@code analyze} is one
 * {@link TextAnalyzer#analyze} (CoreNLP: tokenize, ssplit, mwt, POS, plus the parser on long messages and NER when
 * a name may be there; rules: regular expressions), {@code read} the whole {@link ClauseAwareClassifier#read}
 * (analysis plus one classification per clause and the whole message). Messages: the Spanish held-out hard set,
 * split by length ({@code long} = at least {@link CoreNlpAnalyzer#LONG_MESSAGE_WORDS} words, parsed).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
@State(Scope.Benchmark)
public class CoreNlpBenchmark {

    @Param({"corenlp", "rules"})
    public String analyzerName;

    @Param({"short", "long"})
    public String length;

    private TextAnalyzer analyzer;
    private ClauseAwareClassifier reader;
    private List<String> messages;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        analyzer = analyzerName.equals("corenlp") ? CoreNlpAnalyzer.shared().join() : new RuleTextAnalyzer();
        reader = new ClauseAwareClassifier(new OpenNlpIntentClassifier(IntentModel.loadPackaged()), analyzer, 0.65);
        boolean wantLong = length.equals("long");
        messages = IntentCorpus.heldOut("es").stream().map(LabeledExample::text)
                .filter(t -> (ClauseCuts.words(t) >= CoreNlpAnalyzer.LONG_MESSAGE_WORDS) == wantLong).toList();
    }

    private String nextMessage() {
        String m = messages.get(next);
        next = (next + 1) % messages.size();
        return m;
    }

    @Benchmark
    public Object analyze() {
        return analyzer.analyze(nextMessage(), "es");
    }

    @Benchmark
    public Object read() {
        return reader.read(nextMessage(), "es");
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(CoreNlpBenchmark.class.getSimpleName()).build()).run();
    }
}

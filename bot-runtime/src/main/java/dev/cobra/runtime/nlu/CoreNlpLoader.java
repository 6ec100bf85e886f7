package dev.cobra.runtime.nlu;

import dev.cobra.nlp.api.TextAnalyzer;
import dev.cobra.nlp.clause.RuleTextAnalyzer;
import dev.cobra.nlp.corenlp.CoreNlpAnalyzer;
import dev.cobra.nlp.corenlp.CoreNlpOrRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.concurrent.CompletableFuture;

/**
 * Loads CoreNLP's Spanish pipeline once per JVM as {@code bot.nlu.corenlp} says (see {@link NluProperties}) and
 * hands out the clause analyzer the NLU uses: CoreNLP once loaded, rules until then (or for good when off or when
 * loading failed). Loading takes seconds and a few hundred MB of heap (docs/benchmarks.md), so by default it starts
 * once the application is ready, in the background: start-up neither waits for it nor shares the CPU with it.
 */
@Component
public class CoreNlpLoader {

    private static final Logger log = LoggerFactory.getLogger(CoreNlpLoader.class);

    private final TextAnalyzer analyzer;
    private final CompletableFuture<CoreNlpAnalyzer> loading = new CompletableFuture<>();
    private final boolean background;

    public CoreNlpLoader(NluProperties properties) {
        background = NluProperties.CORENLP_BACKGROUND.equals(properties.corenlp());
        if (NluProperties.CORENLP_OFF.equals(properties.corenlp())) {
            loading.completeExceptionally(new IllegalStateException("bot.nlu.corenlp=off"));
            analyzer = new RuleTextAnalyzer();
            log.info("nlu.corenlp.off clauses and names by rules only");
            return;
        }
        analyzer = new CoreNlpOrRules(loading);
        if (NluProperties.CORENLP_BLOCKING.equals(properties.corenlp())) {
            start();
            try {
                loading.join();
            } catch (RuntimeException e) {
                // logged by start(); the rules answer
            }
        }
    }

    /** In background mode, the load starts when the application is ready (the rules answer meanwhile). */
    @EventListener(ApplicationReadyEvent.class)
    public void startInBackground() {
        if (background) {
            start();
        }
    }

    private void start() {
        long started = System.nanoTime();
        log.info("nlu.corenlp.loading");
        CoreNlpAnalyzer.shared().whenComplete((ready, error) -> {
            if (error != null) {
                log.warn("nlu.corenlp.failed cause={} (clauses and names stay rule-based)", error.toString());
            } else {
                Runtime rt = Runtime.getRuntime();
                log.info("nlu.corenlp.ready ms={} heapUsedMb={}", (System.nanoTime() - started) / 1_000_000,
                        (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024));
            }
            if (error != null) {
                loading.completeExceptionally(error);
            } else {
                loading.complete(ready);
            }
        });
    }

    public TextAnalyzer analyzer() {
        return analyzer;
    }

    /** Completes when CoreNLP answers (exceptionally when off or when loading failed). */
    public CompletableFuture<Void> whenReady() {
        return loading.thenAccept(ready -> { });
    }

    /** True once CoreNLP answers (false while loading, when off, or after a failed load). */
    public boolean ready() {
        return loading.isDone() && !loading.isCompletedExceptionally();
    }
}

package dev.cobra.nlp.corenlp;

import dev.cobra.nlp.api.TextAnalysis;
import dev.cobra.nlp.api.TextAnalyzer;
import dev.cobra.nlp.clause.RuleTextAnalyzer;

import java.util.concurrent.CompletableFuture;

/**
 * CoreNLP once it has loaded, rules until then (and for good if it failed to load): the runtime is ready in
 * seconds while the Spanish models load in the background. Thread-safe.
 */
public final class CoreNlpOrRules implements TextAnalyzer {

    private final CompletableFuture<CoreNlpAnalyzer> coreNlp;
    private final RuleTextAnalyzer rules = new RuleTextAnalyzer();

    public CoreNlpOrRules(CompletableFuture<CoreNlpAnalyzer> coreNlp) {
        this.coreNlp = coreNlp;
    }

    /** True once CoreNLP answers. */
    public boolean coreNlpReady() {
        return coreNlp.isDone() && !coreNlp.isCompletedExceptionally();
    }

    @Override
    public TextAnalysis analyze(String text, String language) {
        CoreNlpAnalyzer ready = coreNlpReady() ? coreNlp.getNow(null) : null;
        return ready != null ? ready.analyze(text, language) : rules.analyze(text, language);
    }
}

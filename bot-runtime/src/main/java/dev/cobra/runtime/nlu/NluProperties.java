package dev.cobra.runtime.nlu;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * Settings under {@code bot.nlu.*}.
 *
 * @param fallbackThreshold confidence below which {@link NluResult#fallback()} is true (the flows' default accept
 *                          threshold; flows may apply their own on top)
 * @param threads           size of the bounded scheduler that runs classification (CPU-bound: about one per core)
 * @param queueCapacity     parse requests allowed to wait for a thread before new ones are rejected
 * @param corenlp           when CoreNLP's Spanish pipeline (clauses, PERSON mentions) is loaded: {@code background}
 *                          (default: the runtime is ready at once and answers by rules until CoreNLP has loaded),
 *                          {@code blocking} (start-up waits for it; the tests use this so answers never depend on
 *                          timing) or {@code off} (rules only)
 */
@ConfigurationProperties(prefix = "bot.nlu")
public record NluProperties(Double fallbackThreshold, Integer threads, Integer queueCapacity, String corenlp) {

    public static final double DEFAULT_FALLBACK_THRESHOLD = 0.65;
    public static final String CORENLP_BACKGROUND = "background";
    public static final String CORENLP_BLOCKING = "blocking";
    public static final String CORENLP_OFF = "off";

    @ConstructorBinding
    public NluProperties {
        fallbackThreshold = fallbackThreshold == null ? DEFAULT_FALLBACK_THRESHOLD : fallbackThreshold;
        threads = threads == null || threads < 1 ? Math.max(1, Runtime.getRuntime().availableProcessors()) : threads;
        queueCapacity = queueCapacity == null || queueCapacity < 1 ? 10_000 : queueCapacity;
        corenlp = corenlp == null || corenlp.isBlank() ? CORENLP_BACKGROUND : corenlp.strip().toLowerCase(java.util.Locale.ROOT);
        if (!java.util.Set.of(CORENLP_BACKGROUND, CORENLP_BLOCKING, CORENLP_OFF).contains(corenlp)) {
            throw new IllegalArgumentException("bot.nlu.corenlp must be background, blocking or off, not " + corenlp);
        }
    }

    /** Settings built by hand (unit tests): rules only, no CoreNLP. */
    public NluProperties(Double fallbackThreshold, Integer threads, Integer queueCapacity) {
        this(fallbackThreshold, threads, queueCapacity, CORENLP_OFF);
    }
}

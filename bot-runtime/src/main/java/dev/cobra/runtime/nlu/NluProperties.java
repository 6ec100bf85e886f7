package dev.cobra.runtime.nlu;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code bot.nlu.*}.
 *
 * @param fallbackThreshold confidence below which {@link NluResult#fallback()} is true (the flows' default accept
 *                          threshold; flows may apply their own on top)
 * @param threads           size of the bounded scheduler that runs classification (CPU-bound: about one per core)
 * @param queueCapacity     parse requests allowed to wait for a thread before new ones are rejected
 */
@ConfigurationProperties(prefix = "bot.nlu")
public record NluProperties(Double fallbackThreshold, Integer threads, Integer queueCapacity) {

    public static final double DEFAULT_FALLBACK_THRESHOLD = 0.65;

    public NluProperties {
        fallbackThreshold = fallbackThreshold == null ? DEFAULT_FALLBACK_THRESHOLD : fallbackThreshold;
        threads = threads == null || threads < 1 ? Math.max(1, Runtime.getRuntime().availableProcessors()) : threads;
        queueCapacity = queueCapacity == null || queueCapacity < 1 ? 10_000 : queueCapacity;
    }
}

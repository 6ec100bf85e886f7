package dev.cobra.runtime.web.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import java.time.Duration;
import java.util.Optional;

/**
 * One token bucket (Bucket4j) per key, e.g. per client address or per chat session: {@code capacity} requests at
 * once, refilled at {@code refillTokens} per {@code period}. Buckets live in a bounded Caffeine cache and are dropped
 * once idle long enough to have refilled completely, so forgetting one never grants more than a fresh key gets.
 * In memory, per instance: with several instances behind a balancer each enforces its own share.
 */
public final class KeyedRateLimiter {

    static final long MAX_KEYS = 100_000;

    private final long capacity;
    private final long refillTokens;
    private final Duration period;
    private final Cache<String, Bucket> buckets;

    public KeyedRateLimiter(long capacity, long refillTokens, Duration period) {
        if (capacity < 1 || refillTokens < 1 || period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("a rate limit needs a positive capacity, refill and period");
        }
        this.capacity = capacity;
        this.refillTokens = refillTokens;
        this.period = period;
        Duration refillAll = period.multipliedBy((capacity + refillTokens - 1) / refillTokens);
        this.buckets = Caffeine.newBuilder().maximumSize(MAX_KEYS).expireAfterAccess(refillAll).build();
    }

    /** Takes one token for {@code key}; empty when allowed, else how long until one is available. */
    public Optional<Duration> tryAcquire(String key) {
        ConsumptionProbe probe = buckets.get(key, k -> newBucket()).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** How long until {@code key} may go again, without taking anything; empty when it may now. */
    public Optional<Duration> blockedFor(String key) {
        Bucket bucket = buckets.getIfPresent(key);
        if (bucket == null) {
            return Optional.empty();
        }
        long wait = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
        return wait <= 0 ? Optional.empty() : Optional.of(Duration.ofNanos(wait));
    }

    /** Forgets {@code key} (e.g. a successful sign-in clears its failures). */
    public void reset(String key) {
        buckets.invalidate(key);
    }

    private Bucket newBucket() {
        return Bucket.builder().addLimit(limit -> limit.capacity(capacity).refillGreedy(refillTokens, period)).build();
    }
}

package dev.cobra.runtime.channel.whatsapp;

import java.time.Duration;
import java.time.Instant;

/**
 * Spaces requests evenly at {@code permitsPerSecond} (Meta's per-number throughput: 80/s by default, up to
 * 1,000 after upgrade). Each caller reserves the next free slot and waits until it; simpler than a token
 * bucket and never bursts above the rate.
 */
final class SendRateLimiter {

    private final long intervalNanos;
    private long nextFreeNanos;

    SendRateLimiter(int permitsPerSecond) {
        this.intervalNanos = 1_000_000_000L / Math.max(1, permitsPerSecond);
    }

    /** How long the caller must wait before its request may go out. */
    synchronized Duration reserve(long nowNanos) {
        long slot = Math.max(nowNanos, nextFreeNanos);
        nextFreeNanos = slot + intervalNanos;
        return Duration.ofNanos(slot - nowNanos);
    }

    static Duration backoff(int attempt, Duration base, Duration max, Duration retryAfter) {
        if (retryAfter != null && !retryAfter.isNegative() && retryAfter.compareTo(max) <= 0) {
            return retryAfter;
        }
        long factor = 1L << Math.min(20, Math.max(0, attempt - 1));
        Duration delay = base.multipliedBy(factor);
        if (delay.compareTo(max) > 0 || delay.isNegative()) {
            delay = max;
        }
        // +-20% jitter so that many messages failed together do not retry together
        double jitter = 0.8 + Math.random() * 0.4;
        return Duration.ofMillis(Math.max(1, (long) (delay.toMillis() * jitter)));
    }

    static Instant after(Instant now, Duration delay) {
        return now.plus(delay);
    }
}

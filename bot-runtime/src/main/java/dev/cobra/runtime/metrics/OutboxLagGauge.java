package dev.cobra.runtime.metrics;

import dev.cobra.runtime.channel.whatsapp.WhatsAppOutbox;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The outbox lag: how long the oldest WhatsApp message not yet settled has been waiting, in seconds (0 when the
 * outbox is empty). Reading the gauge (a scrape) starts a refresh in the background when the last one is older
 * than {@link #REFRESH}, so a scrape never waits for the database and the value is at most one refresh old; with
 * nobody scraping, nothing is queried.
 */
final class OutboxLagGauge {

    static final String LAG = "cobra.outbox.lag";
    static final Duration REFRESH = Duration.ofSeconds(5);

    private final WhatsAppOutbox outbox;
    private final Clock clock;
    private final AtomicReference<Instant> oldest = new AtomicReference<>();
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private volatile long refreshedAt;

    OutboxLagGauge(WhatsAppOutbox outbox, Clock clock, MeterRegistry registry) {
        this.outbox = outbox;
        this.clock = clock;
        this.refreshedAt = System.nanoTime() - REFRESH.toNanos(); // the first read refreshes
        Gauge.builder(LAG, this, OutboxLagGauge::seconds).baseUnit("seconds")
                .description("Age of the oldest WhatsApp outbox message not yet sent (0 when none)")
                .register(registry);
    }

    double seconds() {
        refreshIfStale();
        Instant at = oldest.get();
        return at == null ? 0 : Math.max(0, Duration.between(at, clock.instant()).toMillis() / 1000.0);
    }

    private void refreshIfStale() {
        long now = System.nanoTime();
        if (now - refreshedAt < REFRESH.toNanos() || !refreshing.compareAndSet(false, true)) {
            return;
        }
        outbox.oldestUnsettledAt().map(Optional::of).defaultIfEmpty(Optional.empty())
                .doFinally(signal -> {
                    refreshedAt = System.nanoTime();
                    refreshing.set(false);
                })
                // An empty outbox clears the last value; an error keeps it, and the next scrape tries again.
                .subscribe(at -> oldest.set(at.orElse(null)), error -> { });
    }
}

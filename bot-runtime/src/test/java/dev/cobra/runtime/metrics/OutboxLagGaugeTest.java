package dev.cobra.runtime.metrics;

import dev.cobra.runtime.channel.whatsapp.WhatsAppOutbox;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class OutboxLagGaugeTest {

    private final Instant now = Instant.parse("2026-11-20T10:00:00Z");
    private final WhatsAppOutbox outbox = mock(WhatsAppOutbox.class);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void theLagIsTheAgeOfTheOldestUnsentMessageReadAtMostOncePerRefreshInterval() {
        when(outbox.oldestUnsettledAt()).thenReturn(Mono.just(now.minusSeconds(90)));
        new OutboxLagGauge(outbox, Clock.fixed(now, ZoneOffset.UTC), registry);

        assertThat(registry.get(OutboxLagGauge.LAG).gauge().value()).isEqualTo(90.0);
        assertThat(registry.get(OutboxLagGauge.LAG).gauge().value()).isEqualTo(90.0);
        verify(outbox, times(1)).oldestUnsettledAt(); // the second scrape within 5 s reuses the value
    }

    @Test
    void anEmptyOutboxHasNoLag() {
        when(outbox.oldestUnsettledAt()).thenReturn(Mono.empty());
        new OutboxLagGauge(outbox, Clock.fixed(now, ZoneOffset.UTC), registry);

        assertThat(registry.get(OutboxLagGauge.LAG).gauge().value()).isZero();
    }
}

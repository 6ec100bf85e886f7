package dev.cobra.runtime.conversation;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.time.Clock;
import java.time.LocalDate;

/** Replaces the runtime's clock with a {@link PinnedClock} (default: {@link #DEFAULT_TODAY}). */
@TestConfiguration(proxyBeanMethods = false)
public class PinnedClockConfiguration {

    /** A Wednesday, so "el viernes" is two days ahead. */
    public static final LocalDate DEFAULT_TODAY = LocalDate.of(2026, 11, 18);

    @Bean
    @Primary
    PinnedClock pinnedClock() {
        PinnedClock clock = new PinnedClock(Clock.systemUTC().instant());
        clock.pin(DEFAULT_TODAY);
        return clock;
    }
}

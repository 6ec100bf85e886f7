package dev.cobra.runtime.conversation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests can set: "today" for the whole runtime (date entities, days past due, stamps). */
public final class PinnedClock extends Clock {

    private volatile Instant instant;

    public PinnedClock(Instant instant) {
        this.instant = instant;
    }

    /** Noon UTC of {@code date}: the same calendar day in every American and European time zone. */
    public void pin(LocalDate date) {
        this.instant = date.atTime(12, 0).toInstant(ZoneOffset.UTC);
    }

    /** An exact instant (policy tests pin local hours in the debtor's zone). */
    public void set(Instant instant) {
        this.instant = instant;
    }

    /** Moves time forward (reminder and broken-promise tests). */
    public void advance(java.time.Duration duration) {
        this.instant = this.instant.plus(duration);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant, zone);
    }

    @Override
    public Instant instant() {
        return instant;
    }
}

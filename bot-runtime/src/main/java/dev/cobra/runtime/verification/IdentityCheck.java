package dev.cobra.runtime.verification;

import java.time.Instant;

/**
 * The answer to an {@link IdentityAttempt}.
 *
 * @param outcome     verified, a mismatch, or locked (the digits were not compared)
 * @param lockedUntil when a lock ends (null unless locked)
 * @param newlyLocked this attempt reached the limit: the one attempt that writes the lock's audit row, event and
 *                    queue entry
 */
public record IdentityCheck(Outcome outcome, Instant lockedUntil, boolean newlyLocked) {

    public enum Outcome { VERIFIED, MISMATCH, LOCKED }

    public static final IdentityCheck VERIFIED = new IdentityCheck(Outcome.VERIFIED, null, false);
    public static final IdentityCheck MISMATCH = new IdentityCheck(Outcome.MISMATCH, null, false);

    public static IdentityCheck locked(Instant until, boolean newly) {
        return new IdentityCheck(Outcome.LOCKED, until, newly);
    }

    public boolean verified() {
        return outcome == Outcome.VERIFIED;
    }

    public boolean locked() {
        return outcome == Outcome.LOCKED;
    }
}

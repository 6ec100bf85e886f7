package dev.cobra.runtime.debtor;

import java.time.Instant;

/** Opt-in (or opt-out) evidence for one channel. */
public record Consent(boolean optedIn, Instant at, String source) {
}

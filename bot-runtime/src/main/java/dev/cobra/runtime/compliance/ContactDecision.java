package dev.cobra.runtime.compliance;

import java.time.Instant;

/**
 * The outcome of a contact-policy check.
 *
 * @param allowed       true when the contact may go out now
 * @param reason        why it is blocked ({@code no_consent}, {@code opted_out}, {@code outside_contact_hours},
 *                      {@code frequency_cap}, {@code holiday}, ...), or {@code allowed}
 * @param nextAllowedAt the earliest time a retry can be allowed, or null when no time will help (no consent,
 *                      opted out)
 */
public record ContactDecision(boolean allowed, String reason, Instant nextAllowedAt) {

    public static ContactDecision allow() {
        return new ContactDecision(true, "allowed", null);
    }

    public static ContactDecision block(String reason, Instant nextAllowedAt) {
        return new ContactDecision(false, reason, nextAllowedAt);
    }
}

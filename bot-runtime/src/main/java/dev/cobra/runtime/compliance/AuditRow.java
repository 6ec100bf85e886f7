package dev.cobra.runtime.compliance;

import java.time.Instant;

/**
 * One row of the contact audit trail: a business-initiated attempt and the policy's decision on it.
 *
 * @param debtorLocalTime the attempt's time in the debtor's zone, ISO-8601 with offset and zone
 * @param consentBasis    the consent the decision relied on ({@code whatsapp opt-in 2026-01-02T... via web-form}),
 *                        or {@code none}
 */
public record AuditRow(String id, Instant at, String debtorId, String channel, String purpose, String sourceId,
                       String template, String country, String debtorLocalTime, String consentBasis,
                       boolean allowed, String reason, Instant nextAllowedAt) {
}

package dev.cobra.runtime.campaign;

import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/campaigns/{id}}: the campaign with one count per contact status (each contact counted once, by
 * its furthest status: queued, sent, delivered, read, replied, undelivered (SMS), failed, deferred, blocked,
 * cancelled) and, over the
 * deferred and blocked contacts, one count per reason.
 */
public record CampaignReport(Campaign campaign, Map<String, Long> counts, Map<String, Long> blockReasons) {

    static final List<String> STATUSES = List.of("queued", "sent", "delivered", "read", "replied", "undelivered",
            "failed", "deferred", "blocked", "cancelled");
    static final List<String> REASONS = List.of("no_consent", "opted_out", "outside_contact_hours", "frequency_cap",
            "holiday");

    /** One contact's row of the results export. */
    public record Row(String debtorId, String status, String reason, int attempts, String nextAttemptAt,
                      String wamid) {
    }
}

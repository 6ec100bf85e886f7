package dev.cobra.runtime.campaign;

import java.time.Instant;

/**
 * One debtor of a campaign's audience. Stored status: {@code queued}, {@code sending} (claimed by a dispatcher),
 * {@code sent} (template in the outbox), {@code deferred} (retried at {@code nextAttemptAt}), {@code blocked},
 * {@code cancelled}. The delivery side (delivered, read, replied, failed) is read from the WhatsApp channel through
 * {@code outboxId}. {@code channel} is the channel it went out on; for SMS {@code outboxId} names the SMS record, for
 * email the {@code Message-ID} (a failed email keeps its error in {@code reason}).
 */
public record CampaignContact(String id, String campaignId, String debtorId, String status, String reason,
                              Instant nextAttemptAt, int attempts, String outboxId, Instant queuedAt, String channel) {

    public static final String QUEUED = "queued";
    public static final String SENDING = "sending";
    public static final String SENT = "sent";
    public static final String DEFERRED = "deferred";
    public static final String BLOCKED = "blocked";
    public static final String CANCELLED = "cancelled";
}

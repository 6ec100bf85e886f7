package dev.cobra.runtime.compliance;

import reactor.core.publisher.Mono;

import java.time.Instant;

/**
 * Decides whether a business-initiated contact may go out now, and keeps the audit trail of attempts.
 * Every sender of business-initiated messages (campaigns, reminders, agent-initiated messages) calls
 * {@link #attempt} right before sending and sends only when the decision allows it.
 */
public interface ContactPolicy {

    /** Decides without recording anything: for audience previews and {@code GET /api/compliance/can-contact}. */
    Mono<ContactDecision> decide(String debtorId, String channel, Instant at);

    /**
     * Decides and records the attempt, allowed or not, as one row of the contact audit trail. An allowed
     * attempt counts against the debtor's caps from then on.
     */
    Mono<ContactDecision> attempt(ContactAttempt attempt);
}

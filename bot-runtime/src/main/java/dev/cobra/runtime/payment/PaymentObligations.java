package dev.cobra.runtime.payment;

import reactor.core.publisher.Mono;

import java.time.Instant;

/**
 * Commitments a payment can fulfil, kept by their own owners (promises in {@code collections}): the payment side
 * announces a recorded payment through this interface so that it never depends on those owners.
 */
public interface PaymentObligations {

    /**
     * Marks the debtor's open commitments on {@code debtId} (or on any debt when the commitment names none) as kept
     * by the payment {@code reference}; idempotent.
     *
     * @return how many commitments this call marked kept
     */
    Mono<Long> keep(String debtorId, String debtId, String reference, Instant now);
}

package dev.cobra.runtime.account;

import java.time.Instant;
import java.util.Set;

/**
 * A pause on collecting from a debtor: while it is active the contact policy refuses business-initiated contact
 * ({@code hold:<type>}) and campaigns leave the debtor out.
 *
 * @param type   {@code dispute}, {@code complaint}, {@code payment_review} ("ya pagué") or {@code hardship}
 * @param debtId the debt it is about, or null for the whole debtor
 * @param until  when it ends by itself, or null: until a supervisor lifts it
 * @param by     {@code bot} or the staff user who placed it
 */
public record Hold(String type, String debtId, String reason, Instant since, Instant until, String by) {

    public static final String DISPUTE = "dispute";
    public static final String COMPLAINT = "complaint";
    public static final String PAYMENT_REVIEW = "payment_review";
    public static final String HARDSHIP = "hardship";
    public static final Set<String> TYPES = Set.of(DISPUTE, COMPLAINT, PAYMENT_REVIEW, HARDSHIP);

    public boolean activeAt(Instant at) {
        return until == null || until.isAfter(at);
    }

    /** A lifted (or expired) hold kept for the audit: who lifted it, when and why. */
    public record Lifted(Hold hold, Instant liftedAt, String liftedBy, String note) {
    }
}

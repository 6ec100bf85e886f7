package dev.cobra.runtime.account;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A payment as the debtor's account applied it: the amount, and how it was split over the debts (a payment that
 * names a debt goes to it; one that does not goes to the most overdue debts in its currency first).
 *
 * @param recordedAt when the runtime recorded it: it counts against balances imported before that moment
 * @param reversed   true once the payment was reversed (a chargeback, a bounced transfer): it no longer counts
 */
public record AccountPayment(String reference, BigDecimal amount, String currency, Instant paidAt, Instant recordedAt,
                             String source, boolean reversed, List<Allocation> allocations) {

    public AccountPayment {
        allocations = allocations == null ? List.of() : List.copyOf(allocations);
    }

    public AccountPayment reverse() {
        return new AccountPayment(reference, amount, currency, paidAt, recordedAt, source, true, allocations);
    }

    /** The part of a payment applied to one debt. */
    public record Allocation(String debtId, BigDecimal amount) {
    }
}

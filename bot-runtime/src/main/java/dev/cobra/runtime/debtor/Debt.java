package dev.cobra.runtime.debtor;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** One debt of a debtor. Days past due are computed from {@code dueDate}, never stored. */
public record Debt(String id, String product, BigDecimal balance, String currency, LocalDate dueDate) {

    /** Negative before the due date. */
    public long daysPastDue(LocalDate today) {
        return dueDate == null ? 0 : ChronoUnit.DAYS.between(dueDate, today);
    }
}

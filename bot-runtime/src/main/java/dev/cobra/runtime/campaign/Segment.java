package dev.cobra.runtime.campaign;

import dev.cobra.runtime.debtor.Debt;
import dev.cobra.runtime.debtor.Debtor;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;

/**
 * Which debtors a campaign addresses. Days past due are those of the debtor's most overdue debt on the debtor's
 * own calendar day; the balance is the sum of the debtor's debts. Null bounds and filters match everything.
 */
public record Segment(Integer minDaysPastDue, Integer maxDaysPastDue, BigDecimal minBalance, BigDecimal maxBalance,
                      String country, String product) {

    public boolean matches(Debtor debtor, Clock clock) {
        long dpd = debtor.daysPastDue(LocalDate.now(clock.withZone(debtor.zone())));
        if (minDaysPastDue != null && dpd < minDaysPastDue) {
            return false;
        }
        if (maxDaysPastDue != null && dpd > maxDaysPastDue) {
            return false;
        }
        BigDecimal balance = debtor.debts().stream().map(Debt::balance).filter(b -> b != null)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (minBalance != null && balance.compareTo(minBalance) < 0) {
            return false;
        }
        if (maxBalance != null && balance.compareTo(maxBalance) > 0) {
            return false;
        }
        if (country != null && !country.equalsIgnoreCase(debtor.country())) {
            return false;
        }
        return product == null || debtor.debts().stream().anyMatch(d -> product.equalsIgnoreCase(d.product()));
    }
}

package dev.cobra.runtime.account;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A debt's balance as the creditor last imported it, and since when: payments recorded before {@code since} are
 * already part of that balance and no longer reduce it.
 */
public record ImportedBalance(String debtId, BigDecimal balance, Instant since) {
}

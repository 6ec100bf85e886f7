package dev.cobra.runtime.account;

import java.math.BigDecimal;

/**
 * One debt's position now.
 *
 * @param balance     the balance as imported
 * @param paid        payments applied to it since that import (reversed ones excluded)
 * @param outstanding what is still owed (never below zero)
 * @param status      {@code OPEN}, {@code PARTIALLY_PAID}, {@code PAID} or {@code DISPUTED}
 */
public record DebtPosition(String debtId, String product, String currency, BigDecimal balance, BigDecimal paid,
                           BigDecimal outstanding, String status) {

    public static final String OPEN = "OPEN";
    public static final String PARTIALLY_PAID = "PARTIALLY_PAID";
    public static final String PAID = "PAID";
    public static final String DISPUTED = "DISPUTED";

    public boolean settled() {
        return outstanding.signum() <= 0;
    }
}

package dev.cobra.runtime.debtor;

import java.math.BigDecimal;

/**
 * The range every money amount the product accepts must fall in: finite (a {@link BigDecimal} always is), not
 * negative, at most {@link #MAX} (no real balance is larger; {@code 1e400} is a typo or an attack), at most
 * {@link #MAX_SCALE} decimal places and {@link #MAX_DIGITS} significant digits (what MongoDB's Decimal128 stores
 * exactly). Checked before anything is written, so a bad amount is a clear rejection, never a storage error.
 */
public final class Amounts {

    public static final BigDecimal MAX = new BigDecimal("1000000000000000"); // 10^15
    public static final int MAX_SCALE = 4;
    public static final int MAX_DIGITS = 34;

    private Amounts() {
    }

    /** Why {@code amount} is out of range, or null when it is fine. */
    public static String problem(BigDecimal amount) {
        if (amount.signum() < 0) {
            return "must not be negative";
        }
        if (amount.compareTo(MAX) > 0) {
            return "must not be larger than " + MAX.toPlainString();
        }
        BigDecimal exact = amount.stripTrailingZeros();
        if (exact.precision() > MAX_DIGITS) {
            return "must have at most " + MAX_DIGITS + " significant digits";
        }
        if (exact.scale() > MAX_SCALE) {
            return "must have at most " + MAX_SCALE + " decimal places";
        }
        return null;
    }
}

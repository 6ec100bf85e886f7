package dev.cobra.runtime.collections;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A creditor's bounds for payment plans of one product: the smallest installment, the most installments, the
 * down payment (percent of the balance) and how much discount the bot may grant (percent; the shipped flows grant
 * none, anything asking for one goes to an agent).
 */
public record PlanBounds(String product, BigDecimal minInstallment, int maxInstallments, BigDecimal downPaymentPercent,
                         BigDecimal maxDiscountPercent) {

    public static final String DEFAULT_PRODUCT = "default";

    /**
     * The most installments the bot may offer on {@code balance}: the configured maximum, lowered so that no
     * installment is below the minimum once the down payment is taken off.
     */
    public int effectiveMaxInstallments(BigDecimal balance) {
        if (balance == null || minInstallment == null || minInstallment.signum() <= 0) {
            return maxInstallments;
        }
        BigDecimal rest = balance.subtract(downPayment(balance));
        int byMinimum = rest.divide(minInstallment, 0, RoundingMode.FLOOR).intValue();
        return Math.max(0, Math.min(maxInstallments, byMinimum));
    }

    public BigDecimal downPayment(BigDecimal balance) {
        if (balance == null || downPaymentPercent == null) {
            return BigDecimal.ZERO;
        }
        return balance.multiply(downPaymentPercent).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
    }

    /**
     * The slots a flow run starts with (slots hold scalars): {@code maxInstallments} (what payment_plan compares),
     * {@code planMinInstallment}, {@code planDownPayment} and {@code planMaxDiscountPercent}.
     */
    public Map<String, Object> slots(BigDecimal balance) {
        Map<String, Object> slots = new LinkedHashMap<>();
        slots.put("maxInstallments", effectiveMaxInstallments(balance));
        slots.put("planMinInstallment", minInstallment == null ? BigDecimal.ZERO : minInstallment);
        slots.put("planDownPayment", downPayment(balance));
        slots.put("planMaxDiscountPercent", maxDiscountPercent == null ? BigDecimal.ZERO : maxDiscountPercent);
        return slots;
    }
}

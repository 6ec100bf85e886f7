package dev.cobra.runtime.collections;

import dev.cobra.runtime.conversation.engine.CollectionActions.PlanInstallment;
import dev.cobra.runtime.conversation.engine.CollectionActions.PlanOffer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds a plan schedule inside a creditor's {@link PlanBounds}: the down payment (when the bounds ask for one) on
 * the first date, then {@code installments} monthly installments that split the rest evenly; amounts are rounded
 * down to whole units (cents when the balance has cents) and the last installment takes the remainder, so the
 * schedule always sums to the outstanding amount. The first date is the one the debtor said when it lies between
 * today and {@code maxStartDays} ahead, else {@code firstDays} from today; later dates fall on the same day of each
 * month (the month's last day when it is shorter).
 */
public final class PlanSchedule {

    private PlanSchedule() {
    }

    /** The schedule, or empty when the count or the amounts fall outside the bounds. */
    public static Optional<PlanOffer> offer(PlanBounds bounds, BigDecimal outstanding, int installments,
                                            LocalDate stated, LocalDate today, int firstDays, int maxStartDays) {
        if (outstanding == null || outstanding.signum() <= 0 || installments < 2
                || installments > bounds.effectiveMaxInstallments(outstanding)) {
            return Optional.empty();
        }
        BigDecimal down = bounds.downPayment(outstanding);
        BigDecimal rest = outstanding.subtract(down);
        int scale = outstanding.stripTrailingZeros().scale() <= 0 && down.stripTrailingZeros().scale() <= 0 ? 0 : 2;
        BigDecimal regular = rest.divide(BigDecimal.valueOf(installments), scale, RoundingMode.DOWN);
        BigDecimal minimum = bounds.minInstallment() == null ? BigDecimal.ZERO : bounds.minInstallment();
        if (regular.signum() <= 0 || regular.compareTo(minimum) < 0) {
            return Optional.empty();
        }
        LocalDate first = stated != null && !stated.isBefore(today) && !stated.isAfter(today.plusDays(maxStartDays))
                ? stated : today.plusDays(firstDays);
        List<PlanInstallment> rows = new ArrayList<>();
        int offset = 0;
        if (down.signum() > 0) {
            rows.add(new PlanInstallment(first, down));
            offset = 1;
        }
        BigDecimal last = rest.subtract(regular.multiply(BigDecimal.valueOf(installments - 1L)));
        for (int i = 0; i < installments; i++) {
            rows.add(new PlanInstallment(first.plusMonths(i + (long) offset), i == installments - 1 ? last : regular));
        }
        return Optional.of(new PlanOffer(List.copyOf(rows)));
    }
}

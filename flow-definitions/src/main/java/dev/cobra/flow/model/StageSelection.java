package dev.cobra.flow.model;

/**
 * Days-past-due range (inclusive) a stage flow is started for. Negative values mean "before the due
 * date"; a null bound is open.
 */
public record StageSelection(Integer minDaysPastDue, Integer maxDaysPastDue) {

    public boolean matches(long daysPastDue) {
        return (minDaysPastDue == null || daysPastDue >= minDaysPastDue)
                && (maxDaysPastDue == null || daysPastDue <= maxDaysPastDue);
    }
}

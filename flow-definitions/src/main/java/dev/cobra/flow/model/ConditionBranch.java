package dev.cobra.flow.model;

/**
 * @param when an expression over {@code debtor}, {@code debt}, {@code slots} and {@code conversation},
 *             e.g. {@code debt.daysPastDue > 90 && slots.verified == true}
 * @param next target when the expression is true
 */
public record ConditionBranch(String when, String next) {
}

package dev.cobra.flow.model;

/**
 * Bounds an input must meet. All optional. Expressions (e.g. {@code debt.balance}) are allowed for
 * {@code min}/{@code max} so that bounds can follow the debt.
 *
 * @param min         minimum amount or installments (number or expression)
 * @param max         maximum amount or installments (number or expression)
 * @param maxDaysAhead for dates: latest allowed date in days from today (defaults to the flow's promise horizon)
 * @param pattern     for text/document: a regular expression the whole answer must match
 */
public record InputValidation(String min, String max, Integer maxDaysAhead, String pattern) {
}

/**
 * The small boolean language of {@code condition} steps: comparisons over dotted variable paths with
 * {@code && || !} and parentheses. Parsed once (so publication rejects bad expressions), evaluated per turn.
 */
package dev.cobra.flow.expr;

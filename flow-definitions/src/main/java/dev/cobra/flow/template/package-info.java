/**
 * Rendering of step texts: {@code {{path | filter}}} placeholders over the debtor, debt, slots and link,
 * with money and dates formatted per locale. No logic beyond lookups and formatting, by design: decisions
 * belong in {@code condition} steps where the designer can see them.
 */
package dev.cobra.flow.template;

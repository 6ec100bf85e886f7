/**
 * Rule-based entity extraction for chat text: dates (Spanish and English, relative and absolute, resolved
 * against the debtor's "today" and never in the past), amounts (digits with either decimal convention, words,
 * slang multipliers, currencies) and installment counts.
 */
package dev.cobra.nlp.entity;

/** The portfolio: debtors, their debts and consent, and import from the creditor's systems. */
package dev.cobra.runtime.debtor;

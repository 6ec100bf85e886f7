/**
 * Debt accounts: what each debt still owes after the payments recorded since its balance was imported, and the
 * holds (dispute, complaint, payment under review, hardship) that stop business-initiated contact. The rest of the
 * runtime reads debts through {@link dev.cobra.runtime.debtor.DebtorDirectory}, whose balances are the amounts
 * outstanding now ({@link dev.cobra.runtime.account.AccountedDebtorDirectory}).
 */
package dev.cobra.runtime.account;

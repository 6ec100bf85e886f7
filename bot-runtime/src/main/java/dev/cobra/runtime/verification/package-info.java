/**
 * Right-party verification that cannot be brute-forced: failed identity checks are counted per debtor across
 * sessions, links and channels (persisted, so a new session or another instance sees them), and after
 * {@code bot.verification.max-failures} in {@code bot.verification.window} the check locks for
 * {@code bot.verification.lockout}: typed digits are not even compared until it ends. Depends on the portfolio
 * (the document hash) and the audit trail; the engine calls it through its collection actions.
 */
package dev.cobra.runtime.verification;

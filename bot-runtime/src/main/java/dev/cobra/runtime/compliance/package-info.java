/**
 * Contact compliance: the one place every business-initiated contact (campaign message, promise reminder,
 * agent-initiated message) passes before it goes out. {@link dev.cobra.runtime.compliance.ContactPolicy}
 * decides allowed / blocked with a reason and the next allowed time, per country rules, consent and
 * opt-out, and records each attempt in the immutable contact audit trail. Replies inside a conversation the
 * debtor started never pass here.
 */
package dev.cobra.runtime.compliance;

/**
 * Campaigns: a segment of the portfolio contacted with an approved WhatsApp template. Every contact passes the
 * {@link dev.cobra.runtime.compliance.ContactPolicy} right before it is queued in the WhatsApp outbox; deferred
 * contacts are retried at the policy's next allowed time by {@link dev.cobra.runtime.campaign.CampaignDispatcher},
 * which claims due work with single-document atomic updates so several instances can run it.
 */
package dev.cobra.runtime.campaign;

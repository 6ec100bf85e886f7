/**
 * The WhatsApp Cloud API channel: signed webhooks in (persisted before they are acknowledged, deduplicated on
 * the {@code wamid}, processed in order per user), replies out through a persistent, rate-limited, retrying
 * outbox, and delivery statuses that may arrive in any order.
 */
package dev.cobra.runtime.channel.whatsapp;

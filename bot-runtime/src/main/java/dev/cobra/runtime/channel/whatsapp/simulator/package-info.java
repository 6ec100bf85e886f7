/**
 * A local WhatsApp simulator (opt-in, {@code whatsapp.simulator.enabled=true}): plays the Graph API (records what
 * the product sends) and a phone (sends real signed webhooks), so the channel can be tried without a Meta account.
 */
package dev.cobra.runtime.channel.whatsapp.simulator;

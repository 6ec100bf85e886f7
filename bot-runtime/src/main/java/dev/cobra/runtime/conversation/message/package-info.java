/**
 * Channel-neutral messages: what comes in from a debtor and what the bot sends back. They belong to the conversation
 * side, so that the engine never depends on a channel adapter; the adapters under {@code channel} translate them to
 * and from WhatsApp, webchat, SMS and email.
 */
package dev.cobra.runtime.conversation.message;

/**
 * Channel adapters (WhatsApp, webchat, SMS, email): they turn what a channel delivers into
 * {@link dev.cobra.runtime.conversation.message.InboundMessage}s and send the conversation's
 * {@link dev.cobra.runtime.conversation.message.Reply}s. Adapters depend on the conversation side, never the reverse.
 */
package dev.cobra.runtime.channel;

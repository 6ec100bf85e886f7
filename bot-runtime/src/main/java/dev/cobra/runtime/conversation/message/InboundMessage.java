package dev.cobra.runtime.conversation.message;

import dev.cobra.runtime.debtor.Debtor;

import java.time.Instant;

/**
 * One message from a debtor, already authenticated and deduplicated by its channel.
 *
 * @param channel        {@code webchat} or {@code whatsapp}
 * @param conversationId known conversation (webchat sessions), or null to resolve by channel identity
 * @param debtorId       the debtor when the channel knows it, else null
 * @param externalUserId channel identity (WhatsApp phone or BSUID; webchat session id)
 * @param messageId      channel message id (WhatsApp {@code wamid}); used for deduplication
 * @param text           typed text, or null
 * @param optionId       id of a chosen option (button or list row), or null
 * @param receivedAt     when the channel received it
 * @param debtor         the debtor record the channel just read to identify the sender (its id is
 *                       {@code debtorId}), or null: the turn uses it instead of reading it again
 */
public record InboundMessage(String channel, String conversationId, String debtorId, String externalUserId,
                             String messageId, String text, String optionId, Instant receivedAt, Debtor debtor) {

    public InboundMessage(String channel, String conversationId, String debtorId, String externalUserId,
                          String messageId, String text, String optionId, Instant receivedAt) {
        this(channel, conversationId, debtorId, externalUserId, messageId, text, optionId, receivedAt, null);
    }
}

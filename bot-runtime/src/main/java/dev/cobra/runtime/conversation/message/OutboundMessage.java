package dev.cobra.runtime.conversation.message;

import java.time.Instant;
import java.util.List;

/**
 * Replies for one conversation, addressed.
 *
 * @param externalUserId channel identity of the debtor (WhatsApp phone or BSUID, webchat session id)
 * @param from           {@code bot} or {@code agent}
 * @param lastInboundAt  when the debtor last wrote (WhatsApp's 24-hour window), null if never
 * @param locale         the debtor's locale, for templates
 */
public record OutboundMessage(String conversationId, String channel, String debtorId, String externalUserId,
                              String from, List<Reply> replies, Instant lastInboundAt, String locale) {

    public OutboundMessage {
        replies = List.copyOf(replies);
    }
}

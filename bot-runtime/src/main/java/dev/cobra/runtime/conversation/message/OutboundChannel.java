package dev.cobra.runtime.conversation.message;

import org.bson.Document;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * Delivers replies to a debtor on one channel. Implementations persist before sending (outbox) so that a
 * crash loses nothing; the returned Mono completes once the message is durably accepted, not when the
 * debtor has it.
 */
public interface OutboundChannel {

    /** {@code webchat} or {@code whatsapp}. */
    String channel();

    Mono<Void> deliver(OutboundMessage message);

    /**
     * The delivery of a turn's replies prepared in memory, to be saved with the turn (one awaited write instead of
     * the turn's save followed by the channel's insert), or null when this channel, or this message, needs I/O to
     * decide what to send (e.g. a template outside WhatsApp's window, the contact policy): then it is
     * {@link #deliver delivered} after the save, as before.
     */
    default PreparedDelivery prepare(OutboundMessage message, DeliveryKey key) {
        return null;
    }

    /**
     * Stores the records of a prepared delivery that a crash cut short (saved with the turn, possibly not stored by
     * the channel); the ones already stored under {@code key} are left alone. Completes when they are durable.
     */
    default Mono<Void> recover(List<Document> records, DeliveryKey key) {
        return Mono.error(new UnsupportedOperationException(channel() + " prepares no deliveries"));
    }
}

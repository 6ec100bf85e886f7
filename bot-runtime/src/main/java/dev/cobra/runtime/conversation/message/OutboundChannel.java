package dev.cobra.runtime.conversation.message;

import reactor.core.publisher.Mono;

/**
 * Delivers replies to a debtor on one channel. Implementations persist before sending (outbox) so that a
 * crash loses nothing; the returned Mono completes once the message is durably accepted, not when the
 * debtor has it.
 */
public interface OutboundChannel {

    /** {@code webchat} or {@code whatsapp}. */
    String channel();

    Mono<Void> deliver(OutboundMessage message);
}

package dev.cobra.runtime.conversation.message;

import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import java.util.Optional;

/**
 * Names one turn's delivery, carried in the Reactor context of {@link OutboundChannel#deliver} so that a
 * persistent outbox can stamp the messages it stores and, when a turn cut short by a crash is finished again
 * ({@code redelivery}), skip the ones already stored. Channels without an outbox ignore it.
 *
 * @param key        unique per turn, e.g. {@code <conversation>:<wamid>}
 * @param redelivery true when the turn's messages may already be stored
 */
public record DeliveryKey(String key, boolean redelivery) {

    private static final String CONTEXT_KEY = DeliveryKey.class.getName();

    /** {@code context} carrying this key, for {@code contextWrite}. */
    public Context addTo(Context context) {
        return context.put(CONTEXT_KEY, this);
    }

    /** The key of the delivery being subscribed, if the caller named one. */
    public static Mono<Optional<DeliveryKey>> current() {
        return Mono.deferContextual(context -> Mono.just(context.<DeliveryKey>getOrEmpty(CONTEXT_KEY)));
    }
}

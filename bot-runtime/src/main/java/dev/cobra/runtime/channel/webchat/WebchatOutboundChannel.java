package dev.cobra.runtime.channel.webchat;

import dev.cobra.runtime.conversation.message.OutboundChannel;
import dev.cobra.runtime.conversation.message.OutboundMessage;
import dev.cobra.runtime.conversation.message.Reply;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;

/**
 * Webchat delivery: the message log (written by whoever produced the message) is the webchat outbox, so
 * delivering is pushing the entries to the open widgets.
 */
@Component
class WebchatOutboundChannel implements OutboundChannel {

    static final String CHANNEL = "webchat";

    private final WebchatLiveEvents events;
    private final Clock clock;

    WebchatOutboundChannel(WebchatLiveEvents events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public Mono<Void> deliver(OutboundMessage message) {
        return Mono.fromRunnable(() -> {
            Instant at = clock.instant();
            for (Reply reply : message.replies()) {
                events.publish(message.conversationId(), WebchatEntry.of(message.from(), reply, at));
            }
        });
    }
}

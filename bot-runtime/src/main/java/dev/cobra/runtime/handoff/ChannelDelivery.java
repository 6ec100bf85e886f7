package dev.cobra.runtime.handoff;

import dev.cobra.runtime.conversation.message.OutboundChannel;
import dev.cobra.runtime.conversation.message.OutboundMessage;
import dev.cobra.runtime.conversation.message.Reply;
import dev.cobra.runtime.conversation.state.ConversationState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Hands messages written outside a bot turn (an agent's, the waiting notice) to the conversation's channel:
 * webchat pushes them to the widget, WhatsApp puts them in its outbox under the 24-hour window rule.
 */
@Component
class ChannelDelivery {

    private static final Logger log = LoggerFactory.getLogger(ChannelDelivery.class);

    private final Map<String, OutboundChannel> channels;

    ChannelDelivery(List<OutboundChannel> channels) {
        this.channels = channels.stream()
                .collect(Collectors.toMap(OutboundChannel::channel, Function.identity(), (a, b) -> a));
    }

    Mono<Void> deliver(ConversationState state, String from, List<Reply> replies) {
        OutboundChannel channel = channels.get(state.channel());
        if (channel == null) {
            log.warn("handoff.deliver.no_channel conversation={} channel={}", state.id(), state.channel());
            return Mono.empty();
        }
        return channel.deliver(new OutboundMessage(state.id(), state.channel(), state.debtorId(), state.externalUserId(),
                from, replies, state.lastInboundAt(), state.locale()));
    }
}

package dev.cobra.runtime.channel.whatsapp;

import dev.cobra.runtime.conversation.message.OutboundMessage;
import reactor.core.publisher.Mono;

/** Finds the template a conversation's flow configured for speaking outside the 24-hour window. */
public interface WindowTemplateSource {

    /** The flow's template with its parameters filled in; empty when the flow has none (the global one applies). */
    Mono<WindowTemplateChoice> forMessage(OutboundMessage message);
}

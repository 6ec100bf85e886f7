package dev.cobra.runtime.conversation.engine;

import reactor.core.publisher.Mono;

/** Sends a designer-named event to the creditor's webhooks, with the flow and step it came from. */
final class EmitEventAction implements FlowAction {

    private final ConversationEvents events;

    EmitEventAction(ConversationEvents events) {
        this.events = events;
    }

    @Override
    public Mono<Void> run(ActionCall call) {
        return events.emit(call.run(), call.param("event", "custom"),
                ConversationEvents.mapOf("flowId", call.flow().flow().id(), "step", call.step().id()));
    }
}

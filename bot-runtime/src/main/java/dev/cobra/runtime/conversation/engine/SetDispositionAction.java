package dev.cobra.runtime.conversation.engine;

import reactor.core.publisher.Mono;

/** Sets the conversation's disposition without ending it. */
final class SetDispositionAction implements FlowAction {

    @Override
    public Mono<Void> run(ActionCall call) {
        return Mono.fromRunnable(() -> call.state().disposition(call.param("disposition", null)));
    }
}

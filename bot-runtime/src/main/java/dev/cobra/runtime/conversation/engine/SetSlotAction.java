package dev.cobra.runtime.conversation.engine;

import reactor.core.publisher.Mono;

/** Sets slot {@code slot} to {@code value} (the value keeps its YAML type). */
final class SetSlotAction implements FlowAction {

    @Override
    public Mono<Void> run(ActionCall call) {
        return Mono.fromRunnable(() -> {
            String slot = call.param("slot", null);
            if (slot != null) {
                call.slots().put(slot, call.rawParam("value"));
            }
        });
    }
}

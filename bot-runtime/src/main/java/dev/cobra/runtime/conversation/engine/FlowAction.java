package dev.cobra.runtime.conversation.engine;

import reactor.core.publisher.Mono;

/** One built-in action of {@code action} steps (docs/flow-language.md, "Actions"). */
interface FlowAction {

    Mono<Void> run(ActionCall call);
}

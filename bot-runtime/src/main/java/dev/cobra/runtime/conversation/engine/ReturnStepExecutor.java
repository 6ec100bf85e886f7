package dev.cobra.runtime.conversation.engine;

import dev.cobra.flow.model.ReturnStep;
import reactor.core.publisher.Mono;

/** Back to the calling flow's return step (or the end of the conversation at the stage flow). */
final class ReturnStepExecutor implements StepExecutor<ReturnStep> {

    private final StateMachineFlowEngine engine;

    ReturnStepExecutor(StateMachineFlowEngine engine) {
        this.engine = engine;
    }

    @Override
    public Mono<Void> execute(TurnRun run, CompiledFlow flow, ReturnStep step) {
        return engine.returnToCaller(run);
    }
}

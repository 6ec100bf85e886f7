package dev.cobra.runtime.conversation.engine;

import dev.cobra.flow.model.SubflowStep;
import reactor.core.publisher.Mono;

/**
 * Calls another published flow, which runs on its own machine (subflows are versioned and published on their own,
 * so the caller's machine cannot embed them); the call frame is kept on our state's flow stack.
 */
final class SubflowStepExecutor implements StepExecutor<SubflowStep> {

    private final StateMachineFlowEngine engine;

    SubflowStepExecutor(StateMachineFlowEngine engine) {
        this.engine = engine;
    }

    @Override
    public Mono<Void> execute(TurnRun run, CompiledFlow flow, SubflowStep step) {
        return engine.callSubflow(run, step.flow(), step.next());
    }
}

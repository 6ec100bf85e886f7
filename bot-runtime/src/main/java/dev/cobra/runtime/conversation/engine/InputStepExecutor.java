package dev.cobra.runtime.conversation.engine;

import dev.cobra.flow.model.InputStep;
import reactor.core.publisher.Mono;

/** Asks the question and waits, unless the debtor already gave the value (slots from any message). */
final class InputStepExecutor implements StepExecutor<InputStep> {

    private final StateMachineFlowEngine engine;

    InputStepExecutor(StateMachineFlowEngine engine) {
        this.engine = engine;
    }

    @Override
    public Mono<Void> execute(TurnRun run, CompiledFlow flow, InputStep step) {
        return engine.repair.enterInput(run, flow, step);
    }
}

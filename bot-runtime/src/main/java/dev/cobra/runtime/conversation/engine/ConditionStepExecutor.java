package dev.cobra.runtime.conversation.engine;

import dev.cobra.flow.model.ConditionStep;
import reactor.core.publisher.Mono;

/**
 * Lets the machine choose the branch: the step's {@code evaluate} event enters a choice pseudo-state whose guards
 * are the branch conditions, evaluated over this turn's variables in the designer's order.
 */
final class ConditionStepExecutor implements StepExecutor<ConditionStep> {

    private final StateMachineFlowEngine engine;

    ConditionStepExecutor(StateMachineFlowEngine engine) {
        this.engine = engine;
    }

    @Override
    public Mono<Void> execute(TurnRun run, CompiledFlow flow, ConditionStep step) {
        return engine.follow(run, flow, step.id(), FlowCompiler.EVALUATE);
    }
}

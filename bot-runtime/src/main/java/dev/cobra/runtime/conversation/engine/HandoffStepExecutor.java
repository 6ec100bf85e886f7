package dev.cobra.runtime.conversation.engine;

import dev.cobra.flow.model.HandoffStep;
import reactor.core.publisher.Mono;

/**
 * Hands the conversation to an agent. The machine stays on this step, so a release without a step continues from
 * what our state (restored into the machine next turn) says was interrupted.
 */
final class HandoffStepExecutor implements StepExecutor<HandoffStep> {

    private final StateMachineFlowEngine engine;

    HandoffStepExecutor(StateMachineFlowEngine engine) {
        this.engine = engine;
    }

    @Override
    public Mono<Void> execute(TurnRun run, CompiledFlow flow, HandoffStep step) {
        run.say(step.text());
        engine.handoff(run, step.queue() != null ? step.queue() : flow.flow().settings().handoffQueue(),
                step.reason() != null ? step.reason() : "flow");
        return Mono.empty();
    }
}

package dev.cobra.runtime.conversation.engine;

import dev.cobra.flow.model.EndStep;
import reactor.core.publisher.Mono;

/** Says the closing text and closes the conversation with the step's disposition. */
final class EndStepExecutor implements StepExecutor<EndStep> {

    private final StateMachineFlowEngine engine;

    EndStepExecutor(StateMachineFlowEngine engine) {
        this.engine = engine;
    }

    @Override
    public Mono<Void> execute(TurnRun run, CompiledFlow flow, EndStep step) {
        run.say(step.text());
        engine.close(run, step.disposition() == null ? null : step.disposition().name());
        return Mono.empty();
    }
}

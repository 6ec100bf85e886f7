package dev.cobra.runtime.conversation.engine;

import dev.cobra.flow.model.ActionStep;
import reactor.core.publisher.Mono;

/** Runs the step's action, then says its text (which may show what the action produced, e.g. the link). */
final class ActionStepExecutor implements StepExecutor<ActionStep> {

    private final StateMachineFlowEngine engine;
    private final ActionRunner actions;

    ActionStepExecutor(StateMachineFlowEngine engine, ActionRunner actions) {
        this.engine = engine;
        this.actions = actions;
    }

    @Override
    public Mono<Void> execute(TurnRun run, CompiledFlow flow, ActionStep step) {
        if (step.action() == null) {
            return engine.follow(run, flow, step.id(), "next");
        }
        return actions.run(run, flow, step).then(Mono.defer(() -> {
            run.say(step.text());
            return engine.follow(run, flow, step.id(), "next");
        }));
    }
}

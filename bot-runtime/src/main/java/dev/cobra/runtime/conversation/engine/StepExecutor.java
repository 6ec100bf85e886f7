package dev.cobra.runtime.conversation.engine;

import dev.cobra.flow.model.Step;
import reactor.core.publisher.Mono;

/**
 * Runs one step type when the flow's machine has entered a step of that type: says its text, runs its action, and
 * either waits for the debtor (empty) or sends the step's event to the machine to go on.
 */
interface StepExecutor<S extends Step> {

    Mono<Void> execute(TurnRun run, CompiledFlow flow, S step);
}

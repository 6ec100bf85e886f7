package dev.cobra.runtime.conversation.engine;

import dev.cobra.flow.model.MessageStep;
import dev.cobra.runtime.conversation.message.Reply;
import reactor.core.publisher.Mono;

/** A message (and its optional media), then {@code next}. */
final class MessageStepExecutor implements StepExecutor<MessageStep> {

    private final StateMachineFlowEngine engine;

    MessageStepExecutor(StateMachineFlowEngine engine) {
        this.engine = engine;
    }

    @Override
    public Mono<Void> execute(TurnRun run, CompiledFlow flow, MessageStep step) {
        run.say(step.text());
        if (step.media() != null) {
            Reply media = MediaReplies.of(step.media(), run::renderOrNull, step.id());
            if (media != null) {
                run.replies.add(media);
            }
        }
        return engine.follow(run, flow, step.id(), "next");
    }
}

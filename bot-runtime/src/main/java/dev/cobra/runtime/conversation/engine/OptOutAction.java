package dev.cobra.runtime.conversation.engine;

import reactor.core.publisher.Mono;

/** Opts the debtor out of every channel at once (the contact policy blocks any later outreach). */
final class OptOutAction implements FlowAction {

    private final CollectionActions actions;

    OptOutAction(CollectionActions actions) {
        this.actions = actions;
    }

    @Override
    public Mono<Void> run(ActionCall call) {
        String debtorId = call.debtorId();
        return (debtorId == null ? Mono.<Void>empty() : actions.optOut(debtorId, call.state().channel(), call.run().context.now()))
                .then(Mono.fromRunnable(() -> call.state().optedOut(true)));
    }
}

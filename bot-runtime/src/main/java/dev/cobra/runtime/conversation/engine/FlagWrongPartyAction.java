package dev.cobra.runtime.conversation.engine;

import reactor.core.publisher.Mono;

/** Flags the contact as the wrong party: the number does not belong to the debtor. */
final class FlagWrongPartyAction implements FlowAction {

    private final CollectionActions actions;

    FlagWrongPartyAction(CollectionActions actions) {
        this.actions = actions;
    }

    @Override
    public Mono<Void> run(ActionCall call) {
        String debtorId = call.debtorId();
        return debtorId == null ? Mono.empty() : actions.flagWrongParty(debtorId, call.run().context.now());
    }
}

package dev.cobra.runtime.conversation.engine;

import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.util.Optional;

/** Issues a payment link for the slot named by {@code amount} (else the balance); the URL goes to slot {@code paymentLink}. */
final class PaymentLinkAction implements FlowAction {

    private final CollectionActions actions;

    PaymentLinkAction(CollectionActions actions) {
        this.actions = actions;
    }

    @Override
    public Mono<Void> run(ActionCall call) {
        BigDecimal amount = Optional.ofNullable(InputValues.toDecimal(call.slots().get(call.param("amount", ""))))
                .orElse(call.balance());
        return actions.createPaymentLink(new CollectionActions.PaymentLinkRequest(call.state().id(), call.debtorId(),
                        call.debtId(), amount, call.currency(), call.run().context.now()))
                .doOnNext(url -> call.slots().put(StateMachineFlowEngine.PAYMENT_LINK_SLOT, url)).then();
    }
}

package dev.cobra.runtime.conversation.engine;

import reactor.core.publisher.Mono;

import java.math.BigDecimal;

/**
 * Issues a payment link for the slot named by {@code amount} (default {@value #AMOUNT_SLOT}; empty: the amount the
 * debtor said, else the balance); the URL goes to slot {@code paymentLink}.
 */
final class PaymentLinkAction implements FlowAction {

    static final String AMOUNT_SLOT = "paymentAmount";

    private final CollectionActions actions;

    PaymentLinkAction(CollectionActions actions) {
        this.actions = actions;
    }

    @Override
    public Mono<Void> run(ActionCall call) {
        // "¿y si pago 2 mil ahorita?": the link is for what the debtor said when the debt allows it
        BigDecimal amount = call.amount(AMOUNT_SLOT);
        return actions.createPaymentLink(new CollectionActions.PaymentLinkRequest(call.state().id(), call.debtorId(),
                        call.debtId(), amount, call.currency(), call.run().context.now()))
                .doOnNext(url -> call.slots().put(StateMachineFlowEngine.PAYMENT_LINK_SLOT, url)).then();
    }
}

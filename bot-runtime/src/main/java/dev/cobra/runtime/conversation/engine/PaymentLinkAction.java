package dev.cobra.runtime.conversation.engine;

import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.util.Optional;

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
        String amountSlot = call.param("amount", AMOUNT_SLOT);
        // No amount slot: what the debtor said ("¿y si pago 2 mil ahorita?") when it is within the balance, else the
        // balance; kept in the slot, so the flow's text can say it.
        BigDecimal amount = Optional.ofNullable(InputValues.toDecimal(call.slots().get(amountSlot)))
                .or(() -> RecordPromiseAction.saidAmount(call))
                .orElse(call.balance());
        if (amount != null) {
            call.slots().put(amountSlot, amount);
        }
        return actions.createPaymentLink(new CollectionActions.PaymentLinkRequest(call.state().id(), call.debtorId(),
                        call.debtId(), amount, call.currency(), call.run().context.now()))
                .doOnNext(url -> call.slots().put(StateMachineFlowEngine.PAYMENT_LINK_SLOT, url)).then();
    }
}

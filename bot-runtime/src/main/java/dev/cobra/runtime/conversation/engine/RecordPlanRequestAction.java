package dev.cobra.runtime.conversation.engine;

import reactor.core.publisher.Mono;

import java.math.BigDecimal;

/** Records a payment-plan request from the installments (and optional down payment) slots and tells the creditor. */
final class RecordPlanRequestAction implements FlowAction {

    private final CollectionActions actions;
    private final ConversationEvents events;

    RecordPlanRequestAction(CollectionActions actions, ConversationEvents events) {
        this.actions = actions;
        this.events = events;
    }

    @Override
    public Mono<Void> run(ActionCall call) {
        Integer installments = InputValues.toInteger(call.slots().get(call.param("installments", "installments")));
        BigDecimal amount = InputValues.toDecimal(call.slots().get(call.param("amount", "downPayment")));
        return actions.recordPlanRequest(new CollectionActions.PlanRequestRecord(call.state().id(), call.debtorId(),
                        call.debtId(), installments, amount, call.currency(), call.run().context.now()))
                .then(events.emit(call.run(), "plan_requested", ConversationEvents.mapOf("installments", installments,
                        "amount", amount == null ? null : amount.toPlainString())));
    }
}

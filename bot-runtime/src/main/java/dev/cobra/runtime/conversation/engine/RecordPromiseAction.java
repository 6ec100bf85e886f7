package dev.cobra.runtime.conversation.engine;

import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Records a promise to pay from the date and amount slots (the amount defaults to the amount the debtor said, else the
 * balance) and tells the creditor.
 */
final class RecordPromiseAction implements FlowAction {

    private final CollectionActions actions;
    private final ConversationEvents events;

    RecordPromiseAction(CollectionActions actions, ConversationEvents events) {
        this.actions = actions;
        this.events = events;
    }

    @Override
    public Mono<Void> run(ActionCall call) {
        LocalDate date = InputValues.toDate(call.slots().get(call.param("date", "promiseDate")));
        // "el viernes le pago unos 200 mil": a promise of what the debtor said when the debt allows it
        BigDecimal amount = call.amount("promiseAmount");
        return actions.recordPromise(new CollectionActions.PromiseRecord(call.state().id(), call.debtorId(), call.debtId(),
                        date, amount, call.currency(), call.run().context.now()))
                .then(events.emit(call.run(), "promise_made", ConversationEvents.mapOf("date", date == null ? null : date.toString(),
                        "amount", amount == null ? null : amount.toPlainString(), "currency", call.currency())));
    }
}

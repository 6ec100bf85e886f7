package dev.cobra.runtime.conversation.engine;

import dev.cobra.nlp.api.Entity;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

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
        String amountSlot = call.param("amount", "promiseAmount");
        // No amount slot: what the debtor said ("el viernes le pago unos 200 mil"), else the whole balance; kept in the
        // slot, so the closing text can say it.
        BigDecimal amount = Optional.ofNullable(InputValues.toDecimal(call.slots().get(amountSlot)))
                .or(() -> Optional.ofNullable(InputValues.toDecimal(call.state().heard().get(Entity.AMOUNT)))
                        .filter(said -> said.signum() > 0 && (call.balance() == null || said.compareTo(call.balance()) <= 0)))
                .orElse(call.balance());
        if (amount != null) {
            call.slots().put(amountSlot, amount);
        }
        return actions.recordPromise(new CollectionActions.PromiseRecord(call.state().id(), call.debtorId(), call.debtId(),
                        date, amount, call.currency(), call.run().context.now()))
                .then(events.emit(call.run(), "promise_made", ConversationEvents.mapOf("date", date == null ? null : date.toString(),
                        "amount", amount == null ? null : amount.toPlainString(), "currency", call.currency())));
    }
}

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

    /** The amount the debtor said in the conversation, when it is one the debt allows; taken (used once). */
    static Optional<BigDecimal> saidAmount(ActionCall call) {
        Optional<BigDecimal> said = Optional.ofNullable(InputValues.toDecimal(call.state().heard().get(Entity.AMOUNT)))
                .filter(a -> a.signum() > 0 && (call.balance() == null || a.compareTo(call.balance()) <= 0));
        said.ifPresent(a -> call.state().heard().remove(Entity.AMOUNT));
        return said;
    }

    @Override
    public Mono<Void> run(ActionCall call) {
        LocalDate date = InputValues.toDate(call.slots().get(call.param("date", "promiseDate")));
        String amountSlot = call.param("amount", "promiseAmount");
        // No amount slot: what the debtor said ("el viernes le pago unos 200 mil"), else the whole balance; kept in the
        // slot, so the closing text can say it.
        BigDecimal amount = Optional.ofNullable(InputValues.toDecimal(call.slots().get(amountSlot)))
                .or(() -> saidAmount(call))
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

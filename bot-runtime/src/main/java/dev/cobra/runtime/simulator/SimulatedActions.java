package dev.cobra.runtime.simulator;

import dev.cobra.runtime.conversation.engine.CollectionActions;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Collection actions for a simulation: nothing is written anywhere. Each would-be side effect is noted as a line
 * for the designer ("payment link", "promise 2026-12-15 300000"), identity checks compare with the sample
 * debtor's digits, and payment links point to a page that does not exist.
 */
final class SimulatedActions implements CollectionActions {

    static final String PAYMENT_LINK = "https://pay.example.invalid/simulated";

    private final String documentLast4;
    private final List<String> effects = new ArrayList<>();

    SimulatedActions(String documentLast4) {
        this.documentLast4 = documentLast4;
    }

    synchronized List<String> drainEffects() {
        List<String> copy = List.copyOf(effects);
        effects.clear();
        return copy;
    }

    private synchronized void note(String effect) {
        effects.add(effect);
    }

    @Override
    public Mono<Boolean> verifyDocument(String debtorId, String digits) {
        boolean ok = documentLast4.equals(digits);
        note("verify_identity " + (ok ? "ok" : "failed"));
        return Mono.just(ok);
    }

    @Override
    public Mono<Void> optOut(String debtorId, String channel, Instant at) {
        note("opt_out " + channel);
        return Mono.empty();
    }

    @Override
    public Mono<Void> flagWrongParty(String debtorId, Instant at) {
        note("wrong_party");
        return Mono.empty();
    }

    @Override
    public Mono<String> createPaymentLink(PaymentLinkRequest request) {
        note("payment_link " + request.amount() + " " + request.currency());
        return Mono.just(PAYMENT_LINK);
    }

    @Override
    public Mono<Void> recordPromise(PromiseRecord promise) {
        note("promise " + promise.date() + " " + promise.amount());
        return Mono.empty();
    }

    @Override
    public Mono<Void> recordPlanRequest(PlanRequestRecord request) {
        note("plan_request " + request.installments() + " x " + request.amount());
        return Mono.empty();
    }

    /** The default bounds (no minimum installment, no down payment), first installment a week from today. */
    @Override
    public Mono<PlanOffer> offerPlan(PlanOfferRequest request) {
        dev.cobra.runtime.collections.PlanBounds bounds = new dev.cobra.runtime.collections.PlanBounds(
                dev.cobra.runtime.collections.PlanBounds.DEFAULT_PRODUCT, java.math.BigDecimal.ZERO, 60, null, null);
        return Mono.justOrEmpty(dev.cobra.runtime.collections.PlanSchedule.offer(bounds, request.outstanding(),
                request.installments(), request.statedDate(), request.today(), 7, 30));
    }

    @Override
    public Mono<String> acceptPlan(PlanAgreement agreement) {
        note("plan_accepted " + agreement.installments().size() + " installments");
        return Mono.just("simulated");
    }

    @Override
    public Mono<Void> emitEvent(ConversationEvent event) {
        note("event " + event.type());
        return Mono.empty();
    }

    @Override
    public Mono<RunContext> runContext(dev.cobra.runtime.debtor.Debtor debtor, Instant at) {
        return Mono.just(new RunContext(Map.of(), Long.MIN_VALUE));
    }
}

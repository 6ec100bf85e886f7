package dev.cobra.runtime.conversation.engine;

import dev.cobra.runtime.verification.IdentityAttempt;
import dev.cobra.runtime.verification.IdentityCheck;
import dev.cobra.runtime.verification.VerificationGuard;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * The side effects of the flow's built-in actions, outside the conversation document: the portfolio (identity
 * check, opt-out, wrong party) and collection records (payment links, promises, plan requests, events). Each
 * method is one single-document write.
 */
public interface CollectionActions {

    /** True when {@code digits} match the debtor's document. Implementations never log the digits. */
    Mono<Boolean> verifyDocument(String debtorId, String digits);

    /**
     * What the verify step calls: the digits checked under the per-debtor attempt limit. The runtime's actions go
     * through the {@link VerificationGuard} (a required bean); this default, a plain comparison, is for the
     * simulator and test doubles, which touch no real debtor.
     */
    default Mono<IdentityCheck> checkIdentity(IdentityAttempt attempt) {
        return verifyDocument(attempt.debtorId(), attempt.digits()).defaultIfEmpty(false)
                .map(ok -> ok ? IdentityCheck.VERIFIED : IdentityCheck.MISMATCH);
    }

    Mono<Void> optOut(String debtorId, String channel, Instant at);

    Mono<Void> flagWrongParty(String debtorId, Instant at);

    /** @return the URL of a new secure payment link */
    Mono<String> createPaymentLink(PaymentLinkRequest request);

    Mono<Void> recordPromise(PromiseRecord promise);

    Mono<Void> recordPlanRequest(PlanRequestRecord request);

    Mono<Void> emitEvent(ConversationEvent event);

    /**
     * A schedule for a payment plan of {@code request.installments()} inside the creditor's bounds; empty when none
     * fits (the flow then hands the request to an agent). None by default.
     */
    default Mono<PlanOffer> offerPlan(PlanOfferRequest request) {
        return Mono.empty();
    }

    /** Records an accepted plan and tracks each installment like a promise; the plan's id. Nothing by default. */
    default Mono<String> acceptPlan(PlanAgreement agreement) {
        return Mono.empty();
    }

    /**
     * What a new flow run of {@code debtor} should start with from collection records (a broken promise, the
     * creditor's plan bounds): slots to preset and the lowest stage (days past due) to choose. None by default.
     */
    default Mono<RunContext> runContext(dev.cobra.runtime.debtor.Debtor debtor, Instant at) {
        return Mono.just(RunContext.NONE);
    }

    /** Slots preset on a new flow run and the lowest days-past-due its stage flow is chosen for. */
    record RunContext(Map<String, Object> slots, long minDaysPastDue) {
        public static final RunContext NONE = new RunContext(Map.of(), Long.MIN_VALUE);
    }

    record PaymentLinkRequest(String conversationId, String debtorId, String debtId, BigDecimal amount, String currency,
                              Instant at) {
    }

    record PromiseRecord(String conversationId, String debtorId, String debtId, LocalDate date, BigDecimal amount,
                         String currency, Instant at) {
    }

    record PlanRequestRecord(String conversationId, String debtorId, String debtId, Integer installments,
                             BigDecimal amount, String currency, Instant at) {
    }

    /**
     * What a plan offer starts from: the debt (its outstanding amount), the installments asked for, a first date
     * the debtor said (or null) and the debtor's today.
     */
    record PlanOfferRequest(String debtorId, String debtId, String product, BigDecimal outstanding, String currency,
                            int installments, LocalDate statedDate, LocalDate today) {
    }

    /** One installment of a plan: due date and amount. */
    record PlanInstallment(LocalDate date, BigDecimal amount) {
    }

    /** A schedule offered to the debtor: installments in date order, summing to the outstanding amount. */
    record PlanOffer(java.util.List<PlanInstallment> installments) {

        public BigDecimal total() {
            return installments.stream().map(PlanInstallment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    /** A schedule the debtor accepted in a conversation. */
    record PlanAgreement(String conversationId, String debtorId, String debtId, String currency,
                         java.util.List<PlanInstallment> installments, Instant at) {
    }

    /** A domain event for the creditor's systems (webhooks read them from the outbox collection). */
    record ConversationEvent(String type, String conversationId, String debtorId, Map<String, Object> data, Instant at) {
    }
}

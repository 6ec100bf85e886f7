package dev.cobra.runtime.collections;

import dev.cobra.runtime.account.Hold;
import dev.cobra.runtime.conversation.engine.CollectionActions;
import dev.cobra.runtime.conversation.engine.TurnEffects;
import dev.cobra.runtime.debtor.Debt;
import dev.cobra.runtime.debtor.Debtor;
import dev.cobra.runtime.debtor.DebtorDirectory;
import dev.cobra.runtime.payment.PaymentLinkProvider;
import dev.cobra.runtime.verification.VerificationGuard;
import dev.cobra.runtime.webhook.WebhookOutbox;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The collection actions the engine and the agent hand-back use, each through the store that owns its records:
 * identity checks go through the {@link VerificationGuard} (attempts counted per debtor, lockout); opt-out and wrong
 * party go to the {@link DebtorDirectory}; promises to {@link PromiseStore}
 * (reminders, kept/broken; the only writer of promises); plan requests to {@link PlanRequestStore}; plan offers and accepted plans to {@link PlanAgreements}; payment links
 * come from the {@link PaymentLinkProvider} (signed links by default); creditor events go to the webhook outbox
 * ({@link WebhookOutbox}), with {@code payment_link_sent} and {@code wrong_party} added. A new flow run starts with
 * the creditor's plan bounds and, after a broken promise, in at least the mid stage with the slots
 * {@code brokenPromise}, {@code brokenPromiseDate} and {@code brokenPromiseAmount}.
 */
@Component
public class OperationsCollectionActions implements CollectionActions {

    private final DebtorDirectory directory;
    private final VerificationGuard verification;
    private final PromiseStore promises;
    private final PlanRequestStore planRequests;
    private final PlanBoundsStore planBounds;
    private final PaymentLinkProvider links;
    private final WebhookOutbox events;
    private final DebtorHolds holds;
    private final PlanAgreements plans;
    private final long brokenPromiseStage;

    public OperationsCollectionActions(DebtorDirectory directory, VerificationGuard verification, PromiseStore promises, PlanRequestStore planRequests,
                                       PlanBoundsStore planBounds, PaymentLinkProvider links, WebhookOutbox events,
                                       DebtorHolds holds, PlanAgreements plans,
                                       @Value("${bot.promises.broken-stage-days-past-due:31}") long brokenPromiseStage) {
        this.holds = holds;
        this.plans = plans;
        this.directory = directory;
        this.verification = java.util.Objects.requireNonNull(verification, "verification guard");
        this.promises = promises;
        this.planRequests = planRequests;
        this.planBounds = planBounds;
        this.links = links;
        this.events = events;
        this.brokenPromiseStage = brokenPromiseStage;
    }

    @Override
    public Mono<Boolean> verifyDocument(String debtorId, String digits) {
        return directory.verifyDocument(debtorId, digits).defaultIfEmpty(false);
    }

    @Override
    public Mono<dev.cobra.runtime.verification.IdentityCheck> checkIdentity(dev.cobra.runtime.verification.IdentityAttempt attempt) {
        return verification.check(attempt); // through the verification guard: never the plain comparison
    }

    @Override
    public Mono<Void> optOut(String debtorId, String channel, Instant at) {
        return directory.optOut(debtorId, channel, at)
                .then(emitEvent(new ConversationEvent("opted_out", null, debtorId, Map.of("channel", channel), at)));
    }

    @Override
    public Mono<Void> flagWrongParty(String debtorId, Instant at) {
        return directory.flagWrongParty(debtorId, at)
                .then(emitEvent(new ConversationEvent("wrong_party", null, debtorId, Map.of(), at)));
    }

    @Override
    public Mono<String> createPaymentLink(PaymentLinkRequest request) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("debtId", request.debtId());
        data.put("amount", request.amount() == null ? null : request.amount().toPlainString());
        data.put("currency", request.currency());
        return links.issue(request).flatMap(url -> emitEvent(new ConversationEvent("payment_link_sent",
                request.conversationId(), request.debtorId(), data, request.at())).thenReturn(url));
    }

    @Override
    public Mono<Void> recordPromise(PromiseRecord promise) {
        return promises.record(promise, "conversation").then();
    }

    @Override
    public Mono<Void> recordPlanRequest(PlanRequestRecord request) {
        return planRequests.record(request);
    }

    @Override
    public Mono<PlanOffer> offerPlan(PlanOfferRequest request) {
        return plans.offer(request);
    }

    @Override
    public Mono<String> acceptPlan(PlanAgreement agreement) {
        return plans.accept(agreement);
    }

    /**
     * Events go to the webhook outbox, named after the turn ({@code TurnEffects}) so a second run of the same
     * message's turn does not notify twice; the complaint flow's {@code complaint_received} is {@code complaint}.
     */
    @Override
    public Mono<Void> emitEvent(ConversationEvent event) {
        String type = "complaint_received".equals(event.type()) ? "complaint" : event.type();
        String hold = HOLDS_BY_EVENT.get(type);
        Mono<Void> held = hold == null || holds == null ? Mono.empty()
                : holds.placeByBot(event.debtorId(), hold, null, "Said in conversation " + event.conversationId(),
                event.at()).then();
        return TurnEffects.nextObjectId("event").flatMap(id -> events.append(id, type, event.conversationId(),
                event.debtorId(), event.data(), event.at())).then(held);
    }

    /** The flows' events that mean collection must pause (docs/compliance.md, "Holds"). */
    static final Map<String, String> HOLDS_BY_EVENT = Map.of(
            "dispute_opened", Hold.DISPUTE,
            "complaint", Hold.COMPLAINT,
            "already_paid_claimed", Hold.PAYMENT_REVIEW,
            "hardship_reported", Hold.HARDSHIP);

    @Override
    public Mono<RunContext> runContext(Debtor debtor, Instant at) {
        Debt debt = debtor.primaryDebt().orElse(null);
        BigDecimal balance = debt == null ? null : debt.balance();
        Mono<Map<String, Object>> bounds = planBounds.forProduct(debt == null ? null : debt.product())
                .map(b -> b.slots(balance));
        Mono<java.util.Optional<Document>> broken = promises.takeBrokenForFollowUp(debtor.id(), at)
                .map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty());
        return Mono.zip(bounds, broken).map(t -> {
            Map<String, Object> slots = new LinkedHashMap<>(t.getT1());
            if (t.getT2().isEmpty()) {
                return new RunContext(slots, Long.MIN_VALUE);
            }
            Document p = t.getT2().get();
            slots.put("brokenPromise", true);
            if (p.getString("date") != null) {
                slots.put("brokenPromiseDate", java.time.LocalDate.parse(p.getString("date")));
            }
            if (p.getString("amount") != null) {
                slots.put("brokenPromiseAmount", new BigDecimal(p.getString("amount")));
            }
            return new RunContext(slots, brokenPromiseStage);
        });
    }
}

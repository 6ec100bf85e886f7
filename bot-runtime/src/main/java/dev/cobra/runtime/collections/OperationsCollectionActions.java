package dev.cobra.runtime.collections;

import dev.cobra.runtime.conversation.engine.CollectionActions;
import dev.cobra.runtime.debtor.Debt;
import dev.cobra.runtime.debtor.Debtor;
import dev.cobra.runtime.payment.PaymentLinkProvider;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The collection actions the engine and the agent hand-back use, with collection operations on top of the
 * engine's plain records: promises go to {@link PromiseStore} (reminders, kept/broken), payment links come from
 * the {@link PaymentLinkProvider} (signed links by default), the creditor events {@code payment_link_sent} and
 * {@code wrong_party} are added, and a new flow run starts with the creditor's plan bounds and, after a broken
 * promise, in at least the mid stage with the slots {@code brokenPromise}, {@code brokenPromiseDate} and
 * {@code brokenPromiseAmount}. Everything else is the engine's
 * {@code collectionActions} bean.
 */
@Primary
@Component
public class OperationsCollectionActions implements CollectionActions {

    private final CollectionActions records;
    private final PromiseStore promises;
    private final PlanBoundsStore planBounds;
    private final PaymentLinkProvider links;
    private final long brokenPromiseStage;

    public OperationsCollectionActions(@Qualifier("collectionActions") CollectionActions records, PromiseStore promises,
                                       PlanBoundsStore planBounds, PaymentLinkProvider links,
                                       @Value("${bot.promises.broken-stage-days-past-due:31}") long brokenPromiseStage) {
        this.records = records;
        this.promises = promises;
        this.planBounds = planBounds;
        this.links = links;
        this.brokenPromiseStage = brokenPromiseStage;
    }

    @Override
    public Mono<Boolean> verifyDocument(String debtorId, String digits) {
        return records.verifyDocument(debtorId, digits);
    }

    @Override
    public Mono<dev.cobra.runtime.verification.IdentityCheck> checkIdentity(dev.cobra.runtime.verification.IdentityAttempt attempt) {
        return records.checkIdentity(attempt); // through the verification guard: never the plain comparison
    }

    @Override
    public Mono<Void> optOut(String debtorId, String channel, Instant at) {
        return records.optOut(debtorId, channel, at);
    }

    @Override
    public Mono<Void> flagWrongParty(String debtorId, Instant at) {
        return records.flagWrongParty(debtorId, at)
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
        return records.recordPlanRequest(request);
    }

    /** Events go to the engine's outbox collection; the complaint flow's {@code complaint_received} is {@code complaint}. */
    @Override
    public Mono<Void> emitEvent(ConversationEvent event) {
        String type = "complaint_received".equals(event.type()) ? "complaint" : event.type();
        return records.emitEvent(new ConversationEvent(type, event.conversationId(), event.debtorId(), event.data(), event.at()));
    }

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

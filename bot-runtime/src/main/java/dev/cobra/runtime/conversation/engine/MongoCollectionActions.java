package dev.cobra.runtime.conversation.engine;

import dev.cobra.runtime.debtor.DebtorDirectory;
import dev.cobra.runtime.persistence.CoalescingWriter;
import dev.cobra.runtime.verification.IdentityAttempt;
import dev.cobra.runtime.verification.IdentityCheck;
import dev.cobra.runtime.verification.VerificationGuard;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Date;
import java.util.List;

/**
 * {@link CollectionActions} over the debtor directory and four append-only collections: {@code payment_links},
 * {@code promises}, {@code plan_requests} and {@code conversation_events} (the outbox the creditor webhooks
 * read). Payment links are opaque random tokens under {@code bot.payment-link-base-url}; the payment page
 * itself belongs to the payment provider integration.
 */
public class MongoCollectionActions implements CollectionActions {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DebtorDirectory directory;
    private final VerificationGuard verification;
    private final String paymentLinkBaseUrl;
    /** Concurrent turns' records, one insert command per batch and collection. */
    private final CoalescingWriter paymentLinks;
    private final CoalescingWriter promises;
    private final CoalescingWriter planRequests;
    private final CoalescingWriter events;

    public MongoCollectionActions(DebtorDirectory directory, VerificationGuard verification, ReactiveMongoTemplate mongo,
                                  String paymentLinkBaseUrl) {
        this.directory = directory;
        this.verification = java.util.Objects.requireNonNull(verification, "verification guard");
        this.paymentLinkBaseUrl = paymentLinkBaseUrl.endsWith("/") ? paymentLinkBaseUrl : paymentLinkBaseUrl + "/";
        this.paymentLinks = new CoalescingWriter(mongo.getCollection("payment_links"));
        this.promises = new CoalescingWriter(mongo.getCollection("promises"));
        this.planRequests = new CoalescingWriter(mongo.getCollection("plan_requests"));
        this.events = new CoalescingWriter(mongo.getCollection("conversation_events"));
    }

    @Override
    public Mono<Boolean> verifyDocument(String debtorId, String digits) {
        return directory.verifyDocument(debtorId, digits).defaultIfEmpty(false);
    }

    @Override
    public Mono<IdentityCheck> checkIdentity(IdentityAttempt attempt) {
        return verification.check(attempt);
    }

    @Override
    public Mono<Void> optOut(String debtorId, String channel, java.time.Instant at) {
        return directory.optOut(debtorId, channel, at)
                .then(emitEvent(new ConversationEvent("opted_out", null, debtorId, java.util.Map.of("channel", channel), at)));
    }

    @Override
    public Mono<Void> flagWrongParty(String debtorId, java.time.Instant at) {
        return directory.flagWrongParty(debtorId, at);
    }

    @Override
    public Mono<String> createPaymentLink(PaymentLinkRequest request) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return paymentLinks.insert(List.of(paymentLinkRecord(token, request))).thenReturn(paymentLinkBaseUrl + token);
    }

    /** The stored form of a payment link (also used by the signed links of the payment package). */
    public static Document paymentLinkRecord(String id, PaymentLinkRequest request) {
        return new Document("_id", id)
                .append("conversationId", request.conversationId())
                .append("debtorId", request.debtorId())
                .append("debtId", request.debtId())
                .append("amount", request.amount() == null ? null : request.amount().toPlainString())
                .append("currency", request.currency())
                .append("status", "OPEN")
                .append("createdAt", Date.from(request.at()));
    }

    @Override
    public Mono<Void> recordPromise(PromiseRecord p) {
        return TurnEffects.nextObjectId("promise").flatMap(id -> insertOnce(promises, new Document("_id", id)
                .append("conversationId", p.conversationId())
                .append("debtorId", p.debtorId())
                .append("debtId", p.debtId())
                .append("date", p.date() == null ? null : p.date().toString())
                .append("amount", p.amount() == null ? null : p.amount().toPlainString())
                .append("currency", p.currency())
                .append("status", "OPEN")
                .append("createdAt", Date.from(p.at()))));
    }

    @Override
    public Mono<Void> recordPlanRequest(PlanRequestRecord p) {
        return TurnEffects.nextObjectId("plan_request").flatMap(id -> insertOnce(planRequests, new Document("_id", id)
                .append("conversationId", p.conversationId())
                .append("debtorId", p.debtorId())
                .append("debtId", p.debtId())
                .append("installments", p.installments())
                .append("amount", p.amount() == null ? null : p.amount().toPlainString())
                .append("currency", p.currency())
                .append("status", "REQUESTED")
                .append("createdAt", Date.from(p.at()))));
    }

    /** Inserts a record named by {@link TurnEffects}; one a first run of the same turn stored is left as it is. */
    private static Mono<Void> insertOnce(CoalescingWriter writer, Document record) {
        return writer.insert(List.of(record)).onErrorResume(DuplicateKeyException.class, again -> Mono.empty());
    }

    @Override
    public Mono<Void> emitEvent(ConversationEvent e) {
        // Named after the turn (TurnEffects): a second run of the same message's turn does not notify twice.
        return TurnEffects.nextObjectId("event").flatMap(id -> insertOnce(events, new Document("_id", id)
                .append("type", e.type())
                .append("conversationId", e.conversationId())
                .append("debtorId", e.debtorId())
                .append("data", new Document(e.data()))
                .append("delivered", false)
                .append("at", Date.from(e.at()))));
    }
}

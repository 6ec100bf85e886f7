package dev.cobra.runtime.payment;

import dev.cobra.runtime.security.OperationsSecrets;
import dev.cobra.runtime.conversation.engine.CollectionActions.PaymentLinkRequest;
import dev.cobra.runtime.conversation.engine.TurnEffects;
import dev.cobra.runtime.persistence.CollectionOwner;
import dev.cobra.runtime.persistence.DebtorRecords;
import dev.cobra.runtime.persistence.ErasureSweep;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * The embedded payment-link provider: records the link in {@code payment_links} and answers a signed, expiring URL
 * under {@code bot.payment-link-base-url} (by default the runtime's own demo page, {@code /pay/{token}}).
 */
@CollectionOwner("payment_links")
public class SignedPaymentLinks implements DebtorRecords, PaymentLinkProvider {

    private static final String COLLECTION = "payment_links";
    static final String SECRET_NAME = "payment-link-key";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ReactiveMongoTemplate mongo;
    private final OperationsSecrets secrets;
    private final String configuredKey;
    private final String baseUrl;
    private final Duration lifetime;

    public SignedPaymentLinks(ReactiveMongoTemplate mongo, OperationsSecrets secrets, String configuredKey, String baseUrl,
                              Duration lifetime) {
        this.mongo = mongo;
        this.secrets = secrets;
        this.configuredKey = configuredKey;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
        this.lifetime = lifetime;
    }

    Mono<byte[]> key() {
        return secrets.secret(SECRET_NAME, configuredKey);
    }

    /**
     * Stores a link and returns its signed URL. Inside a turn the link id is named after the turn ({@link
     * TurnEffects}): when the same message's turn runs again, the link already stored is signed again (same id and
     * expiry, so the same URL) instead of a second link being issued.
     */
    @Override
    public Mono<String> issue(PaymentLinkRequest request) {
        return TurnEffects.nextKey("payment_link").map(key -> "pl_" + key).switchIfEmpty(Mono.fromSupplier(() -> {
            byte[] bytes = new byte[12];
            RANDOM.nextBytes(bytes);
            return "pl_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        })).flatMap(linkId -> {
            Instant expiresAt = request.at().plus(lifetime);
            Document doc = record(linkId, request).append("expiresAt", Date.from(expiresAt));
            Mono<Instant> stored = mongo.insert(doc, COLLECTION).thenReturn(expiresAt)
                    .onErrorResume(DuplicateKeyException.class, again -> mongo.findById(linkId, Document.class, COLLECTION)
                            .map(existing -> existing.getDate("expiresAt").toInstant()));
            return key().flatMap(key -> stored.map(expiry -> baseUrl + PaymentLinkTokens.sign(key, linkId, expiry)));
        });
    }

    /** The stored link a token names, when the token is valid now. */
    public Mono<Document> resolve(String token, Instant now) {
        return key().flatMap(key -> Mono.justOrEmpty(PaymentLinkTokens.verify(key, token, now)))
                .flatMap(v -> mongo.findById(v.linkId(), Document.class, COLLECTION));
    }

    private static Document record(String id, PaymentLinkRequest request) {
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
    public Mono<Boolean> issuedIn(String conversationId) {
        return mongo.exists(Query.query(Criteria.where("conversationId").is(conversationId)), COLLECTION);
    }

    /** Marks the debtor's open links paid by the payment {@code reference}. */
    public Mono<Long> markPaid(String debtorId, String reference) {
        return mongo.updateMulti(Query.query(Criteria.where("debtorId").is(debtorId).and("status").is("OPEN")),
                new Update().set("status", "PAID").set("paymentReference", reference), COLLECTION)
                .map(r -> r.getModifiedCount());
    }

    @Override
    public Mono<Map<String, Long>> erase(Erasure e) {
        return ErasureSweep.sweepReported(mongo, COLLECTION, e);
    }

    @Override
    public Mono<Map<String, List<Document>>> export(String debtorId, List<String> conversationIds) {
        return mongo.find(Query.query(Criteria.where("debtorId").is(debtorId)), Document.class, COLLECTION)
                .collectList().map(list -> Map.of("paymentLinks", list));
    }
}

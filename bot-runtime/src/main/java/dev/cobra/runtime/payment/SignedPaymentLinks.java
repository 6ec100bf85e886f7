package dev.cobra.runtime.payment;

import dev.cobra.runtime.collections.OperationsSecrets;
import dev.cobra.runtime.conversation.engine.CollectionActions.PaymentLinkRequest;
import dev.cobra.runtime.conversation.engine.MongoCollectionActions;
import dev.cobra.runtime.conversation.engine.TurnEffects;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

/**
 * The embedded payment-link provider: records the link in {@code payment_links} and answers a signed, expiring URL
 * under {@code bot.payment-link-base-url} (by default the runtime's own demo page, {@code /pay/{token}}).
 */
public class SignedPaymentLinks implements PaymentLinkProvider {

    public static final String COLLECTION = "payment_links";
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
            Document doc = MongoCollectionActions.paymentLinkRecord(linkId, request)
                    .append("expiresAt", Date.from(expiresAt));
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
}

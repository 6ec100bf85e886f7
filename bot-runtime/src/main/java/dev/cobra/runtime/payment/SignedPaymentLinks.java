package dev.cobra.runtime.payment;

import dev.cobra.runtime.collections.OperationsSecrets;
import dev.cobra.runtime.conversation.engine.CollectionActions.PaymentLinkRequest;
import org.bson.Document;
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

    @Override
    public Mono<String> issue(PaymentLinkRequest request) {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        String linkId = "pl_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant expiresAt = request.at().plus(lifetime);
        Document doc = new Document("_id", linkId)
                .append("conversationId", request.conversationId())
                .append("debtorId", request.debtorId())
                .append("debtId", request.debtId())
                .append("amount", request.amount() == null ? null : request.amount().toPlainString())
                .append("currency", request.currency())
                .append("status", "OPEN")
                .append("createdAt", Date.from(request.at()))
                .append("expiresAt", Date.from(expiresAt));
        return key().flatMap(key -> mongo.insert(doc, COLLECTION)
                .thenReturn(baseUrl + PaymentLinkTokens.sign(key, linkId, expiresAt)));
    }

    /** The stored link a token names, when the token is valid now. */
    public Mono<Document> resolve(String token, Instant now) {
        return key().flatMap(key -> Mono.justOrEmpty(PaymentLinkTokens.verify(key, token, now)))
                .flatMap(v -> mongo.findById(v.linkId(), Document.class, COLLECTION));
    }
}

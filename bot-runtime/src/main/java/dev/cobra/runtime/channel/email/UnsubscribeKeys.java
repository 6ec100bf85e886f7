package dev.cobra.runtime.channel.email;

import dev.cobra.runtime.persistence.CollectionOwner;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Signs and checks unsubscribe tokens: {@code base64url(debtorId) . base64url(HMAC-SHA256(key, debtorId))}. They do
 * not expire (an unsubscribe link must keep working) and name nothing but the debtor. The key is
 * {@code bot.email.unsubscribe-secret} when set, else 256 random bits generated once and kept in
 * {@value #COLLECTION} (owned here), so all instances and restarts agree.
 */
@CollectionOwner("email_settings")
public class UnsubscribeKeys {

    private static final String COLLECTION = "email_settings";
    private static final String KEY_ID = "unsubscribe_key";
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final Mono<byte[]> key;

    public UnsubscribeKeys(ReactiveMongoTemplate mongo, String configuredSecret) {
        if (configuredSecret != null) {
            this.key = Mono.just(sha256(configuredSecret));
            return;
        }
        Mono<byte[]> load = Mono.defer(() -> {
            byte[] generated = new byte[32];
            new SecureRandom().nextBytes(generated);
            Document fresh = new Document("_id", KEY_ID).append("key", Base64.getEncoder().encodeToString(generated));
            return mongo.insert(fresh, COLLECTION).then()
                    .onErrorResume(DuplicateKeyException.class, e -> Mono.empty())
                    .then(mongo.findById(KEY_ID, Document.class, COLLECTION))
                    .map(doc -> Base64.getDecoder().decode(doc.getString("key")));
        });
        this.key = load.cache(value -> Duration.ofMillis(Long.MAX_VALUE), error -> Duration.ZERO, () -> Duration.ZERO);
    }

    public Mono<String> tokenFor(String debtorId) {
        return key.map(k -> URL.encodeToString(debtorId.getBytes(StandardCharsets.UTF_8)) + "."
                + URL.encodeToString(hmac(k, debtorId)));
    }

    /** The debtor id of a genuine token; empty for a forged or malformed one. */
    public Mono<String> debtorIdOf(String token) {
        if (token == null || token.length() > 400 || token.indexOf('.') < 1) {
            return Mono.empty();
        }
        return key.flatMap(k -> Mono.justOrEmpty(check(k, token)));
    }

    private static Optional<String> check(byte[] key, String token) {
        int dot = token.indexOf('.');
        try {
            String debtorId = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8);
            byte[] given = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            return MessageDigest.isEqual(hmac(key, debtorId), given) ? Optional.of(debtorId) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static byte[] hmac(byte[] key, String debtorId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(("unsubscribe:" + debtorId).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

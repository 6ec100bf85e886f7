package dev.cobra.runtime.channel.webchat;

import com.mongodb.client.model.Filters;
import dev.cobra.runtime.persistence.CollectionOwner;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

/**
 * The key that signs deep-link tokens, loaded once and cached. {@code bot.webchat.link-secret} when set (any text;
 * its SHA-256 is the key); otherwise 256 random bits generated on first use and kept in the database
 * ({@code webchat_settings}, id {@value #SECRET_ID}), so every instance and every restart signs and checks alike.
 * Also remembers since when links are signed: random tokens issued before that stay valid until they expire.
 */
@CollectionOwner("webchat_settings")
final class LinkSecret {

    private static final String COLLECTION = "webchat_settings";
    static final String SECRET_ID = "link_secret";

    /** The key and the moment signed links began (legacy random tokens issued before it may still be valid). */
    record Loaded(LinkTokens tokens, Instant signedSince) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Mono<Loaded> loaded;

    LinkSecret(ReactiveMongoTemplate mongo, Clock clock, String configuredSecret) {
        Mono<Loaded> load = Mono.defer(() -> {
            Instant now = clock.instant();
            byte[] generated = new byte[32];
            RANDOM.nextBytes(generated);
            boolean configured = configuredSecret != null && !configuredSecret.isBlank();
            Document fresh = new Document("_id", SECRET_ID).append("since", Date.from(now));
            if (!configured) {
                fresh.append("secret", Base64.getEncoder().encodeToString(generated));
            }
            // Insert if absent; the first instance wins and everyone reads the stored document back.
            return mongo.getCollection(COLLECTION)
                    .flatMap(c -> Mono.from(c.insertOne(fresh)).then().onErrorResume(LinkSecret::isDuplicateKey, e -> Mono.empty())
                            .then(Mono.from(c.find(Filters.eq("_id", SECRET_ID)).first())))
                    .flatMap(doc -> {
                        Instant since = doc.getDate("since") == null ? now : doc.getDate("since").toInstant();
                        if (configured) {
                            return Mono.just(new Loaded(new LinkTokens(sha256(configuredSecret)), since));
                        }
                        String stored = doc.getString("secret");
                        if (stored == null) {
                            // Written by an instance that had bot.webchat.link-secret set: add a generated key once.
                            return mongo.getCollection(COLLECTION).flatMap(c -> Mono.from(c.updateOne(
                                            Filters.and(Filters.eq("_id", SECRET_ID), Filters.exists("secret", false)),
                                            new Document("$set", new Document("secret",
                                                    Base64.getEncoder().encodeToString(generated)))))
                                    .then(Mono.from(c.find(Filters.eq("_id", SECRET_ID)).first())))
                                    .map(again -> new Loaded(new LinkTokens(Base64.getDecoder().decode(
                                            again.getString("secret"))), since));
                        }
                        return Mono.just(new Loaded(new LinkTokens(Base64.getDecoder().decode(stored)), since));
                    });
        });
        // Cached for good once loaded; a failed load (database down) is retried on the next use.
        this.loaded = load.cache(value -> Duration.ofMillis(Long.MAX_VALUE), error -> Duration.ZERO, () -> Duration.ZERO);
    }

    Mono<Loaded> get() {
        return loaded;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isDuplicateKey(Throwable e) {
        return e instanceof com.mongodb.MongoWriteException w && w.getError().getCode() == 11000;
    }
}

package dev.cobra.runtime.security;

import dev.cobra.runtime.persistence.CollectionOwner;
import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Installation secrets (payment-link signing key, erasure pseudonym key): 32 random bytes created once in the
 * {@code operations_secrets} collection, so every instance over the same database uses the same key. A value
 * configured in the settings wins.
 */
@Component
@CollectionOwner("operations_secrets")
public class OperationsSecrets {

    private static final String COLLECTION = "operations_secrets";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ReactiveMongoTemplate mongo;
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    public OperationsSecrets(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The secret called {@code name}: {@code configured} when set, else the stored random one. */
    public Mono<byte[]> secret(String name, String configured) {
        if (configured != null && !configured.isBlank()) {
            return Mono.just(configured.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        byte[] cached = cache.get(name);
        if (cached != null) {
            return Mono.just(cached);
        }
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        Query query = Query.query(Criteria.where("_id").is(name));
        Update update = new Update().setOnInsert("value", Base64.getEncoder().encodeToString(fresh));
        return mongo.findAndModify(query, update, FindAndModifyOptions.options().upsert(true).returnNew(true),
                        Document.class, COLLECTION)
                .map(doc -> Base64.getDecoder().decode(doc.getString("value")))
                .doOnNext(value -> cache.put(name, value));
    }
}

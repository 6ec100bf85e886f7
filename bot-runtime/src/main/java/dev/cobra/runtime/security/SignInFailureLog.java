package dev.cobra.runtime.security;

import dev.cobra.runtime.persistence.CollectionOwner;
import dev.cobra.runtime.persistence.SecondaryIndexes;
import org.springframework.data.mongodb.core.index.Index;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.Date;

/**
 * Failed staff sign-ins (collection {@code sign_in_failures}): who was tried, from where, when. Never the password.
 * Insert-only; read by admins ({@code GET /api/security/sign-in-failures}).
 */
@CollectionOwner("sign_in_failures")
public class SignInFailureLog implements SecondaryIndexes {

    private static final String COLLECTION = "sign_in_failures";
    /** Usernames are at most 64 characters; whatever an attacker sends is cut to this. */
    static final int MAX_NAME = 100;

    private final ReactiveMongoTemplate mongo;

    public SignInFailureLog(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<Void> record(String username, String client, Instant at) {
        String name = username == null ? "" : username.length() > MAX_NAME ? username.substring(0, MAX_NAME) : username;
        return mongo.insert(new Document("_id", new ObjectId()).append("username", name).append("client", client)
                .append("at", Date.from(at)), COLLECTION).then();
    }

    @Override
    public Map<String, List<Index>> secondaryIndexes() {
        return Map.of(COLLECTION, List.of(new Index().on("at", Sort.Direction.DESC)));
    }

    /** Newest first. */
    public Flux<Failure> newest(int limit) {
        Query query = new Query().with(Sort.by(Sort.Direction.DESC, "at", "_id")).limit(limit);
        return mongo.find(query, Document.class, COLLECTION).map(doc -> new Failure(doc.getString("username"),
                doc.getString("client"), doc.getDate("at").toInstant()));
    }

    /** The JSON shape of {@code GET /api/security/sign-in-failures}. */
    public record Failure(String username, String client, Instant at) {
    }
}

package dev.cobra.runtime.channel.webchat;

import com.mongodb.client.model.Filters;
import dev.cobra.runtime.debtor.DebtorDirectory;
import dev.cobra.runtime.persistence.CollectionOwner;
import dev.cobra.runtime.persistence.DebtorRecords;
import dev.cobra.runtime.persistence.ErasureSweep;
import dev.cobra.runtime.web.error.ApiException;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.Map;

/**
 * Deep-link tokens: signed, expiring, one debtor each. A token is {@link LinkTokens signed} with the server's link
 * secret ({@link LinkSecret}) and carries an opaque link id and its expiry; the signature and the expiry are checked
 * in memory before anything is read, so a forged or expired token costs no database access. A valid token is then
 * looked up by its SHA-256 (the document id of {@code webchat_links}), which binds it to its debtor and lets a link be
 * revoked by deleting the document; the token itself is never stored, so a database reader cannot open a chat.
 *
 * <p>Random tokens issued before signed ones (no dot) are still looked up by hash until the last of them can have
 * expired ({@link #LINK_LIFETIME} after signing began); after that they are refused without a database read.
 */
@Service
@CollectionOwner("webchat_links")
public class MongoWebchatLinkService implements DebtorRecords, WebchatLinkService {

    /** A collection campaign (reminder → due date → follow-up) runs about a month; links outlive it a little. */
    public static final Duration LINK_LIFETIME = Duration.ofDays(45);
    private static final String COLLECTION = "webchat_links";
    /** Longest token accepted; signed tokens are 76 characters, legacy ones 43. */
    static final int MAX_TOKEN_LENGTH = 200;

    private final DebtorDirectory debtors;
    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private final String publicBaseUrl;
    private final LinkSecret secret;

    public MongoWebchatLinkService(DebtorDirectory debtors, ReactiveMongoTemplate mongo, Clock clock,
                                   @Value("${bot.public-url:http://localhost:${server.port:8080}}") String publicBaseUrl,
                                   @Value("${bot.webchat.link-secret:}") String linkSecret) {
        this.debtors = debtors;
        this.mongo = mongo;
        this.clock = clock;
        this.publicBaseUrl = publicBaseUrl;
        this.secret = new LinkSecret(mongo, clock, linkSecret);
    }

    @Override
    public Mono<WebchatLink> createLink(String debtorId) {
        return createLink(debtorId, publicBaseUrl);
    }

    @Override
    public Mono<WebchatLink> createLink(String debtorId, String baseUrl) {
        return debtors.findById(debtorId)
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("No debtor with this id")))
                .zipWith(secret.get())
                .flatMap(tuple -> {
                    Instant now = clock.instant();
                    Instant expiresAt = now.plus(LINK_LIFETIME);
                    String token = tuple.getT2().tokens().issue(expiresAt);
                    LinkTokens.Verified issued = tuple.getT2().tokens().verify(token, now);
                    Document doc = new Document("_id", hash(token))
                            .append("debtorId", tuple.getT1().id())
                            .append("linkId", issued.linkId())
                            .append("createdAt", Date.from(now))
                            .append("expiresAt", Date.from(issued.expiresAt()));
                    String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
                    return mongo.getCollection(COLLECTION).flatMap(c -> Mono.from(c.insertOne(doc)))
                            .thenReturn(new WebchatLink(token, base + "/chat/" + token));
                });
    }

    @Override
    public Mono<String> debtorIdFor(String token) {
        if (token == null || token.isBlank() || token.length() > MAX_TOKEN_LENGTH) {
            return Mono.error(WebchatLinkService.unknownLink());
        }
        return secret.get().flatMap(loaded -> {
            Instant now = clock.instant();
            LinkTokens.Verified verified = loaded.tokens().verify(token, now);
            return switch (verified.check()) {
                case FORGED -> Mono.error(WebchatLinkService.unknownLink());
                case EXPIRED -> Mono.error(expired());
                case LEGACY -> now.isAfter(loaded.signedSince().plus(LINK_LIFETIME))
                        ? Mono.error(WebchatLinkService.unknownLink())
                        : stored(token, now, null);
                case VALID -> stored(token, now, verified.linkId());
            };
        });
    }

    /** The debtor of a stored link; missing (revoked, erased) or expired links are refused. */
    private Mono<String> stored(String token, Instant now, String linkId) {
        return mongo.getCollection(COLLECTION).flatMap(c -> Mono.from(c.find(Filters.eq("_id", hash(token))).first()))
                .switchIfEmpty(Mono.error(WebchatLinkService.unknownLink()))
                .flatMap(doc -> {
                    if (linkId != null && !linkId.equals(doc.getString("linkId"))) {
                        return Mono.error(WebchatLinkService.unknownLink());
                    }
                    Date expires = doc.getDate("expiresAt");
                    if (expires != null && expires.toInstant().isBefore(now)) {
                        return Mono.error(expired());
                    }
                    return Mono.just(doc.getString("debtorId"));
                });
    }

    private static ApiException expired() {
        return new ApiException(HttpStatus.GONE, "link_expired", "This chat link has expired; please ask for a new one.");
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Links are credentials to the debtor's chat: deleted. */
    @Override
    public Mono<Map<String, Long>> erase(Erasure e) {
        return mongo.remove(Query.query(Criteria.where("debtorId").is(e.debtorId())), COLLECTION)
                .map(r -> ErasureSweep.counted(Map.of(), COLLECTION, r.getDeletedCount()));
    }
}

package dev.cobra.runtime.channel.webchat;

import com.mongodb.client.model.Filters;
import dev.cobra.runtime.debtor.DebtorDirectory;
import dev.cobra.runtime.web.error.ApiException;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
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
import java.util.HexFormat;

/**
 * Deep-link tokens in the {@code webchat_links} collection. A token is 256 random bits; only its SHA-256 is
 * stored (the document id), so a database reader cannot open anyone's chat. Tokens expire after
 * {@link #LINK_LIFETIME}.
 */
@Service
public class MongoWebchatLinkService implements WebchatLinkService {

    /** A collection campaign (reminder → due date → follow-up) runs about a month; links outlive it a little. */
    public static final Duration LINK_LIFETIME = Duration.ofDays(45);
    static final String COLLECTION = "webchat_links";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DebtorDirectory debtors;
    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private final String publicBaseUrl;

    public MongoWebchatLinkService(DebtorDirectory debtors, ReactiveMongoTemplate mongo, Clock clock,
                                   @Value("${bot.public-url:http://localhost:${server.port:8080}}") String publicBaseUrl) {
        this.debtors = debtors;
        this.mongo = mongo;
        this.clock = clock;
        this.publicBaseUrl = publicBaseUrl;
    }

    @Override
    public Mono<WebchatLink> createLink(String debtorId) {
        return createLink(debtorId, publicBaseUrl);
    }

    @Override
    public Mono<WebchatLink> createLink(String debtorId, String baseUrl) {
        return debtors.findById(debtorId)
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("No debtor with this id")))
                .flatMap(debtor -> {
                    String token = newToken();
                    Instant now = clock.instant();
                    Document doc = new Document("_id", hash(token))
                            .append("debtorId", debtor.id())
                            .append("createdAt", Date.from(now))
                            .append("expiresAt", Date.from(now.plus(LINK_LIFETIME)));
                    String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
                    return mongo.getCollection(COLLECTION).flatMap(c -> Mono.from(c.insertOne(doc)))
                            .thenReturn(new WebchatLink(token, base + "/chat/" + token));
                });
    }

    @Override
    public Mono<String> debtorIdFor(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Mono.error(WebchatLinkService.unknownLink());
        }
        return mongo.getCollection(COLLECTION).flatMap(c -> Mono.from(c.find(Filters.eq("_id", hash(token))).first()))
                .switchIfEmpty(Mono.error(WebchatLinkService.unknownLink()))
                .flatMap(doc -> {
                    Date expires = doc.getDate("expiresAt");
                    if (expires != null && expires.toInstant().isBefore(clock.instant())) {
                        return Mono.error(new ApiException(HttpStatus.GONE, "link_expired",
                                "This chat link has expired; please ask for a new one."));
                    }
                    return Mono.just(doc.getString("debtorId"));
                });
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.cobra.runtime.channel.webchat;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import dev.cobra.runtime.debtor.Debtor;
import dev.cobra.runtime.debtor.DebtorDirectory;
import dev.cobra.runtime.web.error.ApiException;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Signed deep links against the embedded database through the real driver. */
class WebchatLinkServiceTest {

    private static final Instant T0 = Instant.parse("2026-11-20T15:00:00Z");

    private MongoServer server;
    private MongoClient client;
    private ReactiveMongoTemplate mongo;
    private final AtomicReference<Instant> now = new AtomicReference<>(T0);
    private final Clock clock = new Clock() {
        public ZoneOffset getZone() { return ZoneOffset.UTC; }
        public Clock withZone(java.time.ZoneId zone) { return this; }
        public Instant instant() { return now.get(); }
    };

    @BeforeEach
    void start() {
        server = new MongoServer(H2Backend.inMemory());
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
        mongo = Mockito.spy(new ReactiveMongoTemplate(client, "links_test"));
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    private MongoWebchatLinkService service(String configuredSecret) {
        return new MongoWebchatLinkService(new TwoDebtors(), mongo, clock, "https://cobra.example", configuredSecret);
    }

    private static String token(MongoWebchatLinkService links, String debtorId) {
        return links.createLink(debtorId).block(Duration.ofSeconds(10)).token();
    }

    private static ApiException refusal(MongoWebchatLinkService links, String token) {
        try {
            links.debtorIdFor(token).block(Duration.ofSeconds(10));
        } catch (ApiException e) {
            return e;
        }
        throw new AssertionError("the token was accepted: " + token);
    }

    @Test
    void eachTokenOpensOnlyItsOwnDebtorAndATamperedOneNothing() {
        MongoWebchatLinkService links = service(null);
        String a = token(links, "D-A");
        String b = token(links, "D-B");
        assertThat(links.debtorIdFor(a).block()).isEqualTo("D-A");
        assertThat(links.debtorIdFor(b).block()).isEqualTo("D-B");
        // B's signature on A's payload, and A's payload with B's link id: neither opens anything.
        String mixed = a.substring(0, a.indexOf('.')) + b.substring(b.indexOf('.'));
        assertThat(refusal(links, mixed).code()).isEqualTo("link_not_found");
        assertThat(links.createLink("D-A").block().url()).startsWith("https://cobra.example/chat/");
    }

    @Test
    void aForgedTokenIsRefusedWithoutAnyDatabaseAccess() {
        MongoWebchatLinkService links = service(null);
        String genuine = token(links, "D-A"); // the secret is loaded and cached from here on
        Mockito.clearInvocations(mongo);

        String forged = genuine.substring(0, genuine.length() - 3) + (genuine.endsWith("AAA") ? "BBB" : "AAA");
        ApiException refused = refusal(links, forged);

        assertThat(refused.status().value()).isEqualTo(404);
        assertThat(refused.code()).isEqualTo("link_not_found");
        Mockito.verifyNoInteractions(mongo);
    }

    @Test
    void anExpiredTokenGetsLinkExpiredWithoutAnyDatabaseAccess() {
        MongoWebchatLinkService links = service(null);
        String token = token(links, "D-A");
        now.set(T0.plus(MongoWebchatLinkService.LINK_LIFETIME).plusSeconds(1));
        Mockito.clearInvocations(mongo);

        ApiException refused = refusal(links, token);

        assertThat(refused.status().value()).isEqualTo(410);
        assertThat(refused.code()).isEqualTo("link_expired");
        Mockito.verifyNoInteractions(mongo);
    }

    @Test
    void aRevokedLinkIsRefusedAndTheTokenItselfIsNeverStored() {
        MongoWebchatLinkService links = service(null);
        String token = token(links, "D-A");
        Document stored = mongo.getCollection("webchat_links")
                .flatMap(c -> Mono.from(c.find().first())).block();
        assertThat(stored.toJson()).doesNotContain(token).doesNotContain(token.substring(0, token.indexOf('.')));
        mongo.getCollection("webchat_links")
                .flatMap(c -> Mono.from(c.deleteMany(new Document()))).block();
        assertThat(refusal(links, token).code()).isEqualTo("link_not_found");
    }

    @Test
    void theGeneratedSecretIsSharedThroughTheDatabaseAndAConfiguredOneWins() {
        String token = token(service(null), "D-A");
        assertThat(service(null).debtorIdFor(token).block()).as("another instance or a restart").isEqualTo("D-A");

        MongoWebchatLinkService configured = service("a long operator secret for signing links");
        String signed = token(configured, "D-B");
        assertThat(service("a long operator secret for signing links").debtorIdFor(signed).block()).isEqualTo("D-B");
        assertThat(refusal(service("another secret"), signed).code()).isEqualTo("link_not_found");
        assertThat(refusal(configured, token).code()).as("signed with the generated key").isEqualTo("link_not_found");
    }

    @Test
    void randomTokensIssuedBeforeSigningWorkUntilTheyCouldHaveExpired() {
        MongoWebchatLinkService links = service(null);
        token(links, "D-A"); // signing begins at T0
        String legacy = "q2mG8Yt1hVbB3x0p2cJq5i8n0aQyq3Ts7dQWc2mC1qk";
        mongo.getCollection("webchat_links").flatMap(c -> Mono.from(c.insertOne(
                new Document("_id", MongoWebchatLinkService.hash(legacy)).append("debtorId", "D-B")
                        .append("createdAt", Date.from(T0.minus(Duration.ofDays(1))))
                        .append("expiresAt", Date.from(T0.plus(Duration.ofDays(44))))))).block();

        assertThat(links.debtorIdFor(legacy).block()).isEqualTo("D-B");
        assertThat(refusal(links, "not-a-stored-legacy-token").code()).isEqualTo("link_not_found");

        now.set(T0.plus(MongoWebchatLinkService.LINK_LIFETIME).plusSeconds(1));
        Mockito.clearInvocations(mongo);
        assertThat(refusal(links, legacy).code()).isEqualTo("link_not_found");
        Mockito.verifyNoInteractions(mongo);
    }

    private static final class TwoDebtors implements DebtorDirectory {
        public Mono<Debtor> findById(String id) {
            return id.equals("D-A") || id.equals("D-B") ? Mono.just(new Debtor(id, "Ana", null, null, "es-CO",
                    "America/Bogota", "CO", null, null, null, null, false, false)) : Mono.empty();
        }
        public Mono<Debtor> findByPhone(String phone) { return Mono.empty(); }
        public Mono<Debtor> findByBsuid(String bsuid) { return Mono.empty(); }
        public Mono<Void> linkBsuid(String debtorId, String bsuid) { return Mono.empty(); }
        public Mono<Boolean> verifyDocument(String debtorId, String digits) { return Mono.just(false); }
        public Mono<Void> optOut(String debtorId, String channel, Instant at) { return Mono.empty(); }
        public Mono<Void> flagWrongParty(String debtorId, Instant at) { return Mono.empty(); }
    }
}

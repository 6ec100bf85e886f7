package dev.cobra.runtime.campaign;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The campaign work queue: several dispatchers claim due contacts without ever taking one twice. */
class CampaignContactsTest {

    private static final Duration T = Duration.ofSeconds(30);
    private static final Instant NOW = Instant.parse("2026-11-17T13:00:00Z");

    private MongoServer server;
    private MongoClient client;
    private CampaignContacts contacts;

    @BeforeEach
    void setUp() {
        server = new MongoServer(H2Backend.inMemory());
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        contacts = new CampaignContacts(new ReactiveMongoTemplate(client, "campaign_test"));
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void concurrentDispatchersClaimEveryDueContactExactlyOnce() {
        Flux.range(0, 60).concatMap(i -> contacts.enqueue("cmp-1", "D" + i, NOW)).blockLast(T);
        contacts.enqueue("cmp-1", "D0", NOW).block(T); // a second start never doubles the audience
        assertThat(contacts.of("cmp-1").collectList().block(T)).hasSize(60);

        Map<String, AtomicInteger> claims = new ConcurrentHashMap<>();
        Flux.range(0, 4).flatMap(dispatcher -> contacts.due(List.of("cmp-1"), NOW, 100)
                        .concatMap(contact -> contacts.claim(contact.id(), NOW))
                        .doOnNext(claimed -> claims.computeIfAbsent(claimed.id(), k -> new AtomicInteger()).incrementAndGet())
                        .subscribeOn(Schedulers.parallel()), 4)
                .blockLast(T);
        assertThat(claims).hasSize(60);
        assertThat(claims.values()).allMatch(count -> count.get() == 1);
        assertThat(contacts.due(List.of("cmp-1"), NOW, 100).collectList().block(T)).isEmpty();
    }

    @Test
    void deferredContactsComeBackAtTheirTimeAndStaleClaimsAreReleased() {
        contacts.enqueue("cmp-2", "A", NOW).block(T);
        contacts.enqueue("cmp-2", "B", NOW).block(T);
        contacts.claim("cmp-2:A", NOW).block(T);
        contacts.markDeferred("cmp-2:A", "outside_contact_hours", NOW.plus(Duration.ofHours(3))).block(T);
        CampaignContact claimedB = contacts.claim("cmp-2:B", NOW).block(T);
        assertThat(claimedB.attempts()).isEqualTo(1);

        assertThat(contacts.due(List.of("cmp-2"), NOW.plus(Duration.ofHours(2)), 10).collectList().block(T)).isEmpty();
        assertThat(contacts.claim("cmp-2:A", NOW.plus(Duration.ofHours(2))).blockOptional(T)).isEmpty();
        List<CampaignContact> due = contacts.due(List.of("cmp-2"), NOW.plus(Duration.ofHours(3)), 10).collectList().block(T);
        assertThat(due).extracting(CampaignContact::debtorId).containsExactly("A");
        assertThat(due.get(0).reason()).isEqualTo("outside_contact_hours");

        // B's dispatcher died while holding it: released back to the queue after the claim timeout
        assertThat(contacts.releaseStaleClaims(NOW.minusSeconds(1)).block(T)).isZero();
        assertThat(contacts.releaseStaleClaims(NOW.plusSeconds(1)).block(T)).isEqualTo(1);
        assertThat(contacts.cancelPending("cmp-2").block(T)).isEqualTo(2);
        assertThat(contacts.of("cmp-2").map(CampaignContact::status).collectList().block(T))
                .containsOnly(CampaignContact.CANCELLED);
    }
}

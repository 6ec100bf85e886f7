package dev.cobra.runtime.conversation.engine;

import dev.cobra.runtime.collections.OperationsCollectionActions;
import dev.cobra.runtime.security.OperationsSecrets;
import dev.cobra.runtime.collections.PlanRequestStore;
import dev.cobra.runtime.collections.PromiseStore;
import dev.cobra.runtime.conversation.engine.CollectionActions.ConversationEvent;
import dev.cobra.runtime.conversation.engine.CollectionActions.PaymentLinkRequest;
import dev.cobra.runtime.conversation.engine.CollectionActions.PlanRequestRecord;
import dev.cobra.runtime.conversation.engine.CollectionActions.PromiseRecord;
import dev.cobra.runtime.payment.SignedPaymentLinks;
import dev.cobra.runtime.persistence.TestDatabase;
import dev.cobra.runtime.webhook.WebhookOutbox;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A turn run again for the same inbound message (its save lost a race with another instance, or the process died
 * before the save) writes none of its side-effect records twice: promises, plan requests, creditor events and
 * payment links are named after the message ({@link TurnEffects}), on the embedded database through the driver.
 */
class TurnEffectsTest {

    private static final Duration T = Duration.ofSeconds(20);
    private static final Instant RECEIVED = Instant.parse("2026-11-29T15:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aSecondRunOfTheSameMessagesTurnWritesNoRecordTwiceAndGivesTheSameLink() {
        try (TestDatabase db = TestDatabase.embedded(dir.resolve("effects.mv"))) {
            ReactiveMongoTemplate mongo = db.template();
            PromiseStore promises = new PromiseStore(mongo);
            SignedPaymentLinks links = new SignedPaymentLinks(mongo, new OperationsSecrets(mongo), null,
                    "https://pay.example/", Duration.ofDays(3));
            OperationsCollectionActions records = new OperationsCollectionActions(null,
                    new dev.cobra.runtime.verification.VerificationGuard(null, null, null,
                            dev.cobra.runtime.verification.VerificationProperties.defaults()), promises,
                    new PlanRequestStore(mongo), null, links, new WebhookOutbox(mongo), null, null, 31);

            String first = turn(promises, links, records, "wamid.A", 0).block(T);
            String again = turn(promises, links, records, "wamid.A", 7).block(T); // later clock, as a rerun has

            assertThat(again).as("the rerun hands out the link the first run stored").isEqualTo(first);
            assertThat(count(mongo, "promises")).isEqualTo(1);
            assertThat(count(mongo, "plan_requests")).isEqualTo(1);
            assertThat(count(mongo, "conversation_events")).isEqualTo(2);
            assertThat(count(mongo, "payment_links")).isEqualTo(1);

            String other = turn(promises, links, records, "wamid.B", 0).block(T);
            assertThat(other).as("another message's turn is another link").isNotEqualTo(first);
            assertThat(count(mongo, "promises")).isEqualTo(2);
            assertThat(count(mongo, "conversation_events")).isEqualTo(4);

            // Outside a named turn (an agent's resume, an API call) every call is a new record, as before.
            promises.record(promise(), "api").block(T);
            promises.record(promise(), "api").block(T);
            assertThat(count(mongo, "promises")).isEqualTo(4);
        }
    }

    @Test
    void idsSortByTheMessagesTimeAndThenByTheirPositionInTheTurn() {
        ObjectId[] ids = Mono.zip(TurnEffects.nextObjectId("event"), TurnEffects.nextObjectId("event"))
                .map(pair -> new ObjectId[] {pair.getT1(), pair.getT2()})
                .contextWrite(ctx -> TurnEffects.of("c_1", "wamid.A", RECEIVED).addTo(ctx))
                .block(T);
        assertThat(ids[0].getDate().toInstant()).isEqualTo(RECEIVED);
        assertThat(ids[0]).isLessThan(ids[1]);
        ObjectId fresh = TurnEffects.nextObjectId("event").block(T);
        assertThat(fresh).isNotIn((Object[]) ids);
    }

    private static Mono<String> turn(PromiseStore promises, SignedPaymentLinks links, OperationsCollectionActions records,
                                     String wamid, int clockSkewSeconds) {
        Instant now = RECEIVED.plusSeconds(clockSkewSeconds);
        return Mono.defer(() -> promises.record(promise(), "conversation")
                        .then(records.recordPlanRequest(new PlanRequestRecord("c_1", "D-1", "L-1", 3,
                                new BigDecimal("300000"), "COP", now)))
                        .then(records.emitEvent(new ConversationEvent("promise_made", "c_1", "D-1", Map.of(), now)))
                        .then(records.emitEvent(new ConversationEvent("plan_requested", "c_1", "D-1", Map.of(), now)))
                        .then(links.issue(new PaymentLinkRequest("c_1", "D-1", "L-1", new BigDecimal("100000"), "COP",
                                now))))
                // a fresh context per run, as the turn handler writes it at every subscription
                .contextWrite(ctx -> TurnEffects.of("c_1", wamid, RECEIVED).addTo(ctx));
    }

    private static PromiseRecord promise() {
        return new PromiseRecord("c_1", "D-1", "L-1", LocalDate.parse("2026-12-05"), new BigDecimal("100000"), "COP",
                RECEIVED);
    }

    private static long count(ReactiveMongoTemplate mongo, String collection) {
        return mongo.count(new Query(), Document.class, collection).block(T);
    }
}

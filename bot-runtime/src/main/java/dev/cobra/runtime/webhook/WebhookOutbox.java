package dev.cobra.runtime.webhook;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * The event outbox the engine writes ({@code conversation_events}, {@code delivered: false}) seen from the
 * dispatcher: due events, an atomic claim with a lease (so several instances never send the same event at the
 * same time; a crashed instance's lease runs out), and the outcome of each attempt. Attempts are logged in
 * {@code webhook_deliveries}.
 */
@Component
public class WebhookOutbox {

    static final String EVENTS = "conversation_events";
    static final String DELIVERIES = "webhook_deliveries";

    private final ReactiveMongoTemplate mongo;

    public WebhookOutbox(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    private static Criteria due(Instant now) {
        Date at = Date.from(now);
        return new Criteria().andOperator(
                Criteria.where("delivered").is(false),
                Criteria.where("failed").ne(true),
                new Criteria().orOperator(Criteria.where("nextAttemptAt").exists(false),
                        Criteria.where("nextAttemptAt").is(null), Criteria.where("nextAttemptAt").lte(at)),
                new Criteria().orOperator(Criteria.where("leaseUntil").exists(false),
                        Criteria.where("leaseUntil").is(null), Criteria.where("leaseUntil").lt(at)));
    }

    Flux<Document> due(Instant now, int limit) {
        return mongo.find(Query.query(due(now)).with(Sort.by("_id")).limit(limit), Document.class, EVENTS);
    }

    Mono<Document> claim(ObjectId id, Instant now, Duration lease, String instance) {
        Query query = Query.query(new Criteria().andOperator(Criteria.where("_id").is(id), due(now)));
        Update update = new Update().set("leaseUntil", Date.from(now.plus(lease))).set("leasedBy", instance)
                .inc("attempts", 1);
        return mongo.findAndModify(query, update, FindAndModifyOptions.options().returnNew(true), Document.class, EVENTS);
    }

    Mono<Void> delivered(ObjectId id, Instant now) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                new Update().set("delivered", true).set("deliveredAt", Date.from(now)).set("leaseUntil", null), EVENTS).then();
    }

    Mono<Void> retryLater(ObjectId id, Instant next, boolean giveUp, String error) {
        Update update = new Update().set("leaseUntil", null).set("nextAttemptAt", Date.from(next)).set("lastError", error);
        if (giveUp) {
            update.set("failed", true);
        }
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), update, EVENTS).then();
    }

    Mono<Void> log(Document delivery) {
        return mongo.insert(delivery, DELIVERIES).then();
    }

    public Flux<Document> deliveries(int limit) {
        return mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "_id")).limit(limit), Document.class, DELIVERIES);
    }

    /**
     * Queues a {@code test} event (no debtor, no conversation) that the dispatcher delivers like any other, so the
     * creditor can check their endpoint and signature check; its attempts show in the delivery log.
     */
    public Mono<ObjectId> enqueueTest(String requestedBy, Instant now) {
        ObjectId id = new ObjectId();
        Document event = new Document("_id", id).append("type", "test").append("conversationId", null)
                .append("debtorId", null)
                .append("data", new Document("message", "Test delivery from Cobra").append("requestedBy", requestedBy))
                .append("delivered", false).append("at", Date.from(now));
        return mongo.insert(event, EVENTS).thenReturn(id);
    }

    /** Gives failed events another series of attempts (after the creditor fixed their endpoint). */
    public Mono<Long> retryFailed() {
        return mongo.updateMulti(Query.query(Criteria.where("failed").is(true).and("delivered").is(false)),
                new Update().set("failed", false).set("attempts", 0).set("nextAttemptAt", null), EVENTS)
                .map(r -> r.getModifiedCount());
    }
}

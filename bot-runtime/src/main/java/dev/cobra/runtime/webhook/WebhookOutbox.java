package dev.cobra.runtime.webhook;

import dev.cobra.runtime.persistence.CoalescingWriter;
import dev.cobra.runtime.persistence.CollectionOwner;
import dev.cobra.runtime.persistence.DebtorRecords;
import dev.cobra.runtime.persistence.ErasureSweep;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.dao.DuplicateKeyException;
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
import java.util.List;
import java.util.Map;

/**
 * The event outbox the conversation actions write ({@code conversation_events}, {@code delivered: false}) seen from the
 * dispatcher: due events, an atomic claim with a lease (so several instances never send the same event at the
 * same time; a crashed instance's lease runs out), and the outcome of each attempt. Attempts are logged in
 * {@code webhook_deliveries}.
 */
@Component
@CollectionOwner({"conversation_events", "webhook_deliveries"})
public class WebhookOutbox implements DebtorRecords {

    private static final String EVENTS = "conversation_events";
    private static final String DELIVERIES = "webhook_deliveries";

    private final ReactiveMongoTemplate mongo;
    /** Concurrent turns' events, one insert command per batch. */
    private final CoalescingWriter appends;

    public WebhookOutbox(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
        this.appends = new CoalescingWriter(mongo.getCollection(EVENTS));
    }

    /**
     * Queues an event for the creditor's webhook. The id names the event: appending the same id again (a turn run
     * again for the same message) leaves the first one as it is, so the creditor is not notified twice.
     */
    public Mono<Void> append(ObjectId id, String type, String conversationId, String debtorId, Map<String, Object> data,
                             Instant at) {
        Document event = new Document("_id", id)
                .append("type", type)
                .append("conversationId", conversationId)
                .append("debtorId", debtorId)
                .append("data", new Document(data))
                .append("delivered", false)
                .append("at", Date.from(at));
        return appends.insert(List.of(event)).onErrorResume(DuplicateKeyException.class, again -> Mono.empty());
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
        return append(id, "test", null, null, Map.of("message", "Test delivery from Cobra", "requestedBy", requestedBy), now)
                .thenReturn(id);
    }

    /** Gives failed events another series of attempts (after the creditor fixed their endpoint). */
    public Mono<Long> retryFailed() {
        return mongo.updateMulti(Query.query(Criteria.where("failed").is(true).and("delivered").is(false)),
                new Update().set("failed", false).set("attempts", 0).set("nextAttemptAt", null), EVENTS)
                .map(r -> r.getModifiedCount());
    }

    @Override
    public Mono<Map<String, Long>> erase(Erasure e) {
        return ErasureSweep.sweep(mongo, EVENTS, e).zipWith(ErasureSweep.sweep(mongo, DELIVERIES, e), (events, deliveries) ->
                ErasureSweep.counted(ErasureSweep.counted(Map.of(), EVENTS, events), DELIVERIES, deliveries));
    }

    @Override
    public Mono<Map<String, List<Document>>> export(String debtorId, List<String> conversationIds) {
        return mongo.find(Query.query(Criteria.where("debtorId").is(debtorId)), Document.class, EVENTS)
                .collectList().map(list -> Map.of("events", list));
    }
}

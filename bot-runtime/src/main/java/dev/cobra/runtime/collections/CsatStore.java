package dev.cobra.runtime.collections;

import dev.cobra.runtime.persistence.CollectionOwner;
import dev.cobra.runtime.persistence.DebtorRecords;
import dev.cobra.runtime.persistence.ErasureSweep;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Satisfaction answers ({@code csat}): one document per conversation ({@code _id} = conversation id, so a
 * conversation is asked at most once), {@code ASKED} → {@code ANSWERED} (a score 1–5) or {@code SKIPPED} (the
 * debtor wrote something else).
 */
@Component
@CollectionOwner("csat")
public class CsatStore implements DebtorRecords {

    public static final String ASKED = "ASKED";
    public static final String ANSWERED = "ANSWERED";
    public static final String SKIPPED = "SKIPPED";
    private static final String COLLECTION = "csat";

    private final ReactiveMongoTemplate mongo;

    public CsatStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Records the question; false when this conversation was asked before. */
    public Mono<Boolean> asked(String conversationId, String debtorId, String flowId, String outcome, Instant at) {
        Document doc = new Document("_id", conversationId).append("debtorId", debtorId).append("flowId", flowId)
                .append("outcome", outcome).append("status", ASKED).append("askedAt", Date.from(at));
        return mongo.insert(doc, COLLECTION).thenReturn(true)
                .onErrorResume(DuplicateKeyException.class, e -> Mono.just(false));
    }

    /** Whether the conversation's question waits for an answer. */
    public Mono<Boolean> pending(String conversationId) {
        return mongo.exists(Query.query(Criteria.where("_id").is(conversationId).and("status").is(ASKED)), COLLECTION);
    }

    /** Records the answer; false when the question was not pending any more. */
    public Mono<Boolean> answered(String conversationId, int score, String kind, Instant at) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(conversationId).and("status").is(ASKED)),
                new Update().set("status", ANSWERED).set("score", score).set("kind", kind).set("answeredAt", Date.from(at)),
                COLLECTION).map(r -> r.getModifiedCount() == 1);
    }

    /** The debtor wrote something else: the question is not asked again. */
    public Mono<Void> skipped(String conversationId, Instant at) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(conversationId).and("status").is(ASKED)),
                new Update().set("status", SKIPPED).set("skippedAt", Date.from(at)), COLLECTION).then();
    }

    /** The records of these conversations: the KPIs' read model. */
    public Flux<Document> forConversations(Collection<String> conversationIds) {
        return mongo.find(Query.query(Criteria.where("_id").in(conversationIds)), Document.class, COLLECTION);
    }

    @Override
    public Mono<Map<String, Long>> erase(Erasure e) {
        return ErasureSweep.sweepReported(mongo, COLLECTION, e);
    }

    @Override
    public Mono<Map<String, List<Document>>> export(String debtorId, List<String> conversationIds) {
        return forConversations(conversationIds).collectList().map(list -> Map.of("csat", list));
    }
}

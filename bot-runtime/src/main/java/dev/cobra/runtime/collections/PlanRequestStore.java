package dev.cobra.runtime.collections;

import dev.cobra.runtime.conversation.engine.CollectionActions.PlanRequestRecord;
import dev.cobra.runtime.conversation.engine.TurnEffects;
import dev.cobra.runtime.persistence.CollectionOwner;
import dev.cobra.runtime.persistence.DebtorRecords;
import dev.cobra.runtime.persistence.ErasureSweep;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Payment plan requests ({@code plan_requests}) the bot or an agent recorded: installments and amount asked for,
 * status {@code REQUESTED}. Inside a turn a request is named after the turn ({@link TurnEffects}), so a turn run
 * again for the same message does not record it twice.
 */
@Component
@CollectionOwner("plan_requests")
public class PlanRequestStore implements DebtorRecords {

    private static final String COLLECTION = "plan_requests";

    private final ReactiveMongoTemplate mongo;

    public PlanRequestStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<Void> record(PlanRequestRecord p) {
        return TurnEffects.nextObjectId("plan_request").flatMap(id -> mongo.insert(new Document("_id", id)
                        .append("conversationId", p.conversationId())
                        .append("debtorId", p.debtorId())
                        .append("debtId", p.debtId())
                        .append("installments", p.installments())
                        .append("amount", p.amount() == null ? null : p.amount().toPlainString())
                        .append("currency", p.currency())
                        .append("status", "REQUESTED")
                        .append("createdAt", Date.from(p.at())), COLLECTION)
                .onErrorResume(DuplicateKeyException.class, again -> Mono.empty())).then();
    }

    /** The debtor's latest requests first, at most {@code limit}. */
    public Flux<Document> latest(String debtorId, int limit) {
        return mongo.find(Query.query(Criteria.where("debtorId").is(debtorId))
                .with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(limit), Document.class, COLLECTION);
    }

    /** Requests made in [from, to), of these debtors when {@code debtorIds} is not null: the KPIs' read model. */
    public Flux<Document> createdBetween(Instant from, Instant to, Collection<String> debtorIds) {
        Criteria criteria = Criteria.where("createdAt").gte(Date.from(from)).lt(Date.from(to));
        if (debtorIds != null) {
            criteria = criteria.and("debtorId").in(debtorIds);
        }
        return mongo.find(Query.query(criteria), Document.class, COLLECTION);
    }

    @Override
    public Mono<Map<String, Long>> erase(Erasure e) {
        return ErasureSweep.sweepReported(mongo, COLLECTION, e);
    }

    @Override
    public Mono<Map<String, List<Document>>> export(String debtorId, List<String> conversationIds) {
        return mongo.find(Query.query(Criteria.where("debtorId").is(debtorId)), Document.class, COLLECTION)
                .collectList().map(list -> Map.of("planRequests", list));
    }
}

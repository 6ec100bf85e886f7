package dev.cobra.runtime.collections;

import dev.cobra.runtime.conversation.engine.CollectionActions.PlanAgreement;
import dev.cobra.runtime.conversation.engine.CollectionActions.PlanInstallment;
import dev.cobra.runtime.conversation.engine.CollectionActions.PlanOffer;
import dev.cobra.runtime.conversation.engine.CollectionActions.PlanRequestRecord;
import dev.cobra.runtime.conversation.engine.TurnEffects;
import dev.cobra.runtime.persistence.CollectionOwner;
import dev.cobra.runtime.persistence.DebtorRecords;
import dev.cobra.runtime.persistence.ErasureSweep;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Payment plans ({@code plan_requests}): requests the bot or an agent recorded for a person to decide
 * (installments and amount asked for, status {@code REQUESTED}) and plans the debtor accepted inside the creditor's
 * bounds (status {@code ACCEPTED}, with their {@code schedule} of dates and amounts; each installment's progress is a
 * promise in {@link PromiseStore}). Inside a turn a record is named after the turn ({@link TurnEffects}), so a turn
 * run again for the same message does not record it twice.
 */
@Component
@CollectionOwner("plan_requests")
public class PlanRequestStore implements DebtorRecords {

    private static final String COLLECTION = "plan_requests";
    public static final String REQUESTED = "REQUESTED";
    public static final String ACCEPTED = "ACCEPTED";

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
                        .append("status", REQUESTED)
                        .append("createdAt", Date.from(p.at())), COLLECTION)
                .onErrorResume(DuplicateKeyException.class, again -> Mono.empty())).then();
    }

    /** Stores an accepted plan with its schedule; the plan's id (the same one when the turn runs again). */
    public Mono<ObjectId> recordAccepted(PlanAgreement a) {
        List<Document> schedule = new ArrayList<>();
        for (int i = 0; i < a.installments().size(); i++) {
            PlanInstallment row = a.installments().get(i);
            schedule.add(new Document("n", i + 1).append("date", row.date().toString())
                    .append("amount", row.amount().toPlainString()));
        }
        return TurnEffects.nextObjectId("plan_request").flatMap(id -> mongo.insert(new Document("_id", id)
                        .append("conversationId", a.conversationId())
                        .append("debtorId", a.debtorId())
                        .append("debtId", a.debtId())
                        .append("installments", a.installments().size())
                        .append("amount", new PlanOffer(a.installments()).total().toPlainString())
                        .append("currency", a.currency())
                        .append("status", ACCEPTED)
                        .append("schedule", schedule)
                        .append("createdAt", Date.from(a.at())), COLLECTION)
                .thenReturn(id)
                .onErrorResume(DuplicateKeyException.class, again -> Mono.just(id)));
    }

    /** The debtor's accepted plans (what payments are checked against). */
    public Flux<Document> accepted(String debtorId) {
        return mongo.find(Query.query(Criteria.where("debtorId").is(debtorId).and("status").is(ACCEPTED)),
                Document.class, COLLECTION);
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

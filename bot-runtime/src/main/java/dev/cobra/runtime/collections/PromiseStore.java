package dev.cobra.runtime.collections;

import dev.cobra.runtime.conversation.engine.CollectionActions.PlanAgreement;
import dev.cobra.runtime.conversation.engine.CollectionActions.PlanInstallment;
import dev.cobra.runtime.conversation.engine.CollectionActions.PromiseRecord;
import dev.cobra.runtime.conversation.engine.TurnEffects;
import dev.cobra.runtime.payment.PaymentObligations;
import dev.cobra.runtime.persistence.CollectionOwner;
import dev.cobra.runtime.persistence.DebtorRecords;
import dev.cobra.runtime.persistence.ErasureSweep;
import dev.cobra.runtime.persistence.SecondaryIndexes;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Promises to pay ({@code promises}): one document per promise, made by the bot or by an agent, and one per
 * installment of an accepted payment plan ({@code planId}, {@code installment} from 1, source {@code plan}). Status
 * {@code OPEN} → {@code KEPT} (a payment arrived) or {@code BROKEN} (its date passed without one). The reminder
 * the day before is tracked on the same document ({@code reminder}: {@code PENDING} → {@code SENDING} →
 * {@code SENT} / {@code BLOCKED} / {@code SKIPPED}), claimed atomically so one instance sends it once.
 */
@Component
@CollectionOwner("promises")
public class PromiseStore implements DebtorRecords, SecondaryIndexes, PaymentObligations {

    private static final String COLLECTION = "promises";
    public static final String OPEN = "OPEN";
    public static final String KEPT = "KEPT";
    public static final String BROKEN = "BROKEN";
    /** The source of a plan installment's promise. */
    public static final String PLAN_SOURCE = "plan";

    /** A reminder claimed longer ago than this is taken as abandoned by a crashed instance. */
    static final Duration STALE_CLAIM = Duration.ofMinutes(10);

    private final ReactiveMongoTemplate mongo;

    public PromiseStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Stores a promise. Inside a turn its id is named after the turn ({@link TurnEffects}): when the same message's
     * turn runs again, the promise already stored is returned instead of a second one.
     */
    public Mono<Document> record(PromiseRecord p, String source) {
        return TurnEffects.nextObjectId("promise").flatMap(id -> mongo.insert(promise(id, p, source), COLLECTION)
                .onErrorResume(DuplicateKeyException.class, again -> mongo.findById(id, Document.class, COLLECTION)));
    }

    /**
     * Stores the installments of the accepted plan {@code planId}, one promise each, so the promise sweep reminds
     * and breaks them like any promise; a payment keeps them through {@link #keepInstallments}, not {@link #keep}.
     */
    public Mono<Void> recordInstallments(ObjectId planId, PlanAgreement plan) {
        return Flux.range(0, plan.installments().size()).concatMap(i -> {
            PlanInstallment row = plan.installments().get(i);
            PromiseRecord p = new PromiseRecord(plan.conversationId(), plan.debtorId(), plan.debtId(), row.date(),
                    row.amount(), plan.currency(), plan.at());
            return TurnEffects.nextObjectId("promise").flatMap(id -> mongo.insert(promise(id, p, PLAN_SOURCE)
                            .append("planId", planId.toHexString()).append("installment", i + 1), COLLECTION)
                    .onErrorResume(DuplicateKeyException.class, again -> Mono.empty()));
        }).then();
    }

    /** The installments of a plan, in order. */
    public Flux<Document> installments(String planId) {
        return mongo.find(Query.query(Criteria.where("planId").is(planId)).with(Sort.by("installment")), Document.class,
                COLLECTION);
    }

    /** Marks these open installments kept by the payment {@code reference}; how many changed. */
    public Mono<Long> keepInstallments(Collection<ObjectId> ids, String reference, Instant now) {
        if (ids.isEmpty()) {
            return Mono.just(0L);
        }
        Update update = new Update().set("status", KEPT).set("keptAt", Date.from(now)).set("paymentReference", reference)
                .set("reminder", "SKIPPED");
        return mongo.updateMulti(Query.query(Criteria.where("_id").in(ids).and("status").is(OPEN)), update, COLLECTION)
                .map(r -> r.getModifiedCount());
    }

    private static Document promise(ObjectId id, PromiseRecord p, String source) {
        return new Document("_id", id)
                .append("conversationId", p.conversationId())
                .append("debtorId", p.debtorId())
                .append("debtId", p.debtId())
                .append("date", p.date() == null ? null : p.date().toString())
                .append("amount", p.amount() == null ? null : p.amount().toPlainString())
                .append("currency", p.currency())
                .append("source", source)
                .append("status", OPEN)
                .append("reminder", "PENDING")
                .append("createdAt", Date.from(p.at()));
    }

    /**
     * Open promises dated no later than {@code latestDate} (ISO dates sort as text), in id order after
     * {@code afterId} (null for the first page): the sweep reads them a page at a time.
     */
    public Flux<Document> open(String latestDate, ObjectId afterId, int limit) {
        Criteria criteria = Criteria.where("status").is(OPEN).and("date").lte(latestDate);
        if (afterId != null) {
            criteria = criteria.and("_id").gt(afterId);
        }
        return mongo.find(Query.query(criteria).with(Sort.by("_id")).limit(limit), Document.class, COLLECTION);
    }

    /** Takes the reminder of an open promise for sending; empty when it is not due or another instance has it. */
    public Mono<Document> claimReminder(ObjectId id, Instant now) {
        Criteria due = new Criteria().orOperator(
                Criteria.where("reminder").is("PENDING").and("reminderNextAt").is(null),
                Criteria.where("reminder").is("PENDING").and("reminderNextAt").lte(Date.from(now)),
                Criteria.where("reminder").is("SENDING").and("reminderClaimedAt").lt(Date.from(now.minus(STALE_CLAIM))));
        Query query = Query.query(new Criteria().andOperator(Criteria.where("_id").is(id).and("status").is(OPEN), due));
        Update update = new Update().set("reminder", "SENDING").set("reminderClaimedAt", Date.from(now));
        return mongo.findAndModify(query, update, FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION);
    }

    /** Settles a claimed reminder: {@code SENT}, {@code BLOCKED}, {@code SKIPPED}, or back to {@code PENDING} at {@code nextAt}. */
    public Mono<Void> settleReminder(ObjectId id, String outcome, String reason, Instant nextAt, Instant now) {
        Update update = new Update().set("reminder", outcome).set("reminderReason", reason)
                .set("reminderNextAt", nextAt == null ? null : Date.from(nextAt));
        if ("SENT".equals(outcome)) {
            update.set("reminderSentAt", Date.from(now));
        }
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("reminder").is("SENDING")), update, COLLECTION).then();
    }

    /** Marks an open promise broken; empty when it was settled meanwhile (e.g. a payment arrived). */
    public Mono<Document> markBroken(ObjectId id, Instant now) {
        Query query = Query.query(Criteria.where("_id").is(id).and("status").is(OPEN));
        Update update = new Update().set("status", BROKEN).set("brokenAt", Date.from(now)).set("followedUp", false)
                .set("reminder", "SKIPPED");
        return mongo.findAndModify(query, update, FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION);
    }

    /**
     * Closes the debtor's open promises (of {@code debtId} when given) as kept by the payment {@code reference}.
     * Plan installments are not among them: a payment keeps only the installments it covers.
     */
    @Override
    public Mono<Long> keep(String debtorId, String debtId, String reference, Instant now) {
        Criteria criteria = Criteria.where("debtorId").is(debtorId).and("status").is(OPEN).and("planId").is(null);
        if (debtId != null) {
            criteria = new Criteria().andOperator(criteria,
                    new Criteria().orOperator(Criteria.where("debtId").is(debtId), Criteria.where("debtId").is(null)));
        }
        Update update = new Update().set("status", KEPT).set("keptAt", Date.from(now)).set("paymentReference", reference)
                .set("reminder", "SKIPPED");
        return mongo.updateMulti(Query.query(criteria), update, COLLECTION).map(r -> r.getModifiedCount());
    }

    /**
     * The debtor's latest broken promise not yet followed up, marked as followed up: the next flow run starts from
     * it (once).
     */
    public Mono<Document> takeBrokenForFollowUp(String debtorId, Instant now) {
        Query query = Query.query(Criteria.where("debtorId").is(debtorId).and("status").is(BROKEN).and("followedUp").is(false))
                .with(Sort.by(Sort.Direction.DESC, "brokenAt"));
        // Nearly every conversation start has no broken promise to follow up: a read says so without taking the
        // embedded database's write lock (findAndModify is a write even when nothing matches).
        return mongo.exists(query, COLLECTION).filter(Boolean::booleanValue)
                .flatMap(found -> mongo.findAndModify(query, new Update().set("followedUp", true)
                                .set("followedUpAt", Date.from(now)), FindAndModifyOptions.options().returnNew(true),
                        Document.class, COLLECTION));
    }

    /** The debtor's latest promises first (plan installments excluded: they show with their plan), at most {@code limit}. */
    public Flux<Document> latest(String debtorId, int limit) {
        return mongo.find(Query.query(Criteria.where("debtorId").is(debtorId).and("planId").is(null))
                .with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(limit), Document.class, COLLECTION);
    }

    public Flux<Document> forDebtor(String debtorId) {
        return mongo.find(Query.query(Criteria.where("debtorId").is(debtorId)), Document.class, COLLECTION);
    }

    /**
     * Promises made in [from, to), of these debtors when {@code debtorIds} is not null: the KPIs' read model (plan
     * installments excluded: the KPIs count the plan once).
     */
    public Flux<Document> createdBetween(Instant from, Instant to, Collection<String> debtorIds) {
        Criteria criteria = Criteria.where("createdAt").gte(Date.from(from)).lt(Date.from(to)).and("planId").is(null);
        if (debtorIds != null) {
            criteria = criteria.and("debtorId").in(debtorIds);
        }
        return mongo.find(Query.query(criteria), Document.class, COLLECTION);
    }

    @Override
    public Map<String, List<Index>> secondaryIndexes() {
        return Map.of(COLLECTION, List.of(new Index().on("debtorId", Sort.Direction.ASC).on("status", Sort.Direction.ASC)));
    }

    @Override
    public Mono<Map<String, Long>> erase(Erasure e) {
        return ErasureSweep.sweepReported(mongo, COLLECTION, e);
    }

    @Override
    public Mono<Map<String, List<Document>>> export(String debtorId, List<String> conversationIds) {
        return forDebtor(debtorId).collectList().map(list -> Map.of("promises", list));
    }
}

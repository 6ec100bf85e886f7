package dev.cobra.runtime.campaign;

import dev.cobra.runtime.persistence.CollectionOwner;
import dev.cobra.runtime.persistence.DebtorRecords;
import dev.cobra.runtime.persistence.ErasureSweep;
import dev.cobra.runtime.persistence.SecondaryIndexes;
import org.bson.Document;
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

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * The audience of every campaign (collection {@value #COLLECTION}), one document per campaign and debtor
 * ({@code _id = campaignId:debtorId}, so an audience is never inserted twice). Due work is claimed with one
 * atomic findAndModify per contact, so several runtime instances can dispatch the same campaign.
 */
@Component
@CollectionOwner("campaign_contacts")
public class CampaignContacts implements DebtorRecords, SecondaryIndexes {

    private static final String COLLECTION = "campaign_contacts";

    private final ReactiveMongoTemplate mongo;

    public CampaignContacts(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<Void> enqueue(String campaignId, String debtorId, Instant now) {
        Document doc = new Document("_id", campaignId + ":" + debtorId).append("campaignId", campaignId)
                .append("debtorId", debtorId).append("status", CampaignContact.QUEUED).append("attempts", 0)
                .append("queuedAt", Date.from(now)).append("nextAttemptAt", Date.from(now));
        return mongo.insert(doc, COLLECTION)
                .onErrorResume(org.springframework.dao.DuplicateKeyException.class, e -> Mono.empty())
                .then();
    }

    /** Contacts of running campaigns due for an attempt (not yet claimed), oldest due first. */
    public Flux<CampaignContact> due(Collection<String> campaignIds, Instant now, int limit) {
        Query query = Query.query(Criteria.where("campaignId").in(campaignIds)
                        .and("status").in(CampaignContact.QUEUED, CampaignContact.DEFERRED)
                        .and("nextAttemptAt").lte(Date.from(now)))
                .with(Sort.by("nextAttemptAt", "_id")).limit(limit);
        return mongo.find(query, Document.class, COLLECTION).map(CampaignContacts::toContact);
    }

    /** Takes a due contact for this dispatcher; empty when another one was faster or it is no longer due. */
    public Mono<CampaignContact> claim(String id, Instant now) {
        Query query = Query.query(Criteria.where("_id").is(id)
                .and("status").in(CampaignContact.QUEUED, CampaignContact.DEFERRED)
                .and("nextAttemptAt").lte(Date.from(now)));
        Update update = new Update().set("status", CampaignContact.SENDING).set("claimedAt", Date.from(now))
                .inc("attempts", 1);
        return mongo.findAndModify(query, update, FindAndModifyOptions.options().returnNew(true), Document.class,
                COLLECTION).map(CampaignContacts::toContact);
    }

    public Mono<Void> markSent(String id, String outboxId, Instant now) {
        return markSent(id, "whatsapp", outboxId, null, now);
    }

    /** Sent on {@code channel} as message {@code messageId}; {@code error} when the provider refused it. */
    public Mono<Void> markSent(String id, String channel, String messageId, String error, Instant now) {
        Update update = new Update().set("status", CampaignContact.SENT).set("channel", channel)
                .set("outboxId", messageId).set("sentAt", Date.from(now));
        if (error == null) {
            update.unset("reason");
        } else {
            update.set("reason", error);
        }
        return settle(id, update);
    }

    public Mono<Void> markDeferred(String id, String reason, Instant next) {
        return settle(id, new Update().set("status", CampaignContact.DEFERRED).set("reason", reason)
                .set("nextAttemptAt", Date.from(next)));
    }

    public Mono<Void> markBlocked(String id, String reason) {
        return settle(id, new Update().set("status", CampaignContact.BLOCKED).set("reason", reason));
    }

    /** Claims left by a dispatcher that stopped before recording the outcome go back to the queue. */
    public Mono<Long> releaseStaleClaims(Instant claimedBefore) {
        return mongo.updateMulti(Query.query(Criteria.where("status").is(CampaignContact.SENDING)
                                .and("claimedAt").lt(Date.from(claimedBefore))),
                        new Update().set("status", CampaignContact.QUEUED), COLLECTION)
                .map(result -> result.getModifiedCount());
    }

    public Mono<Long> cancelPending(String campaignId) {
        return mongo.updateMulti(Query.query(Criteria.where("campaignId").is(campaignId)
                                .and("status").in(CampaignContact.QUEUED, CampaignContact.DEFERRED)),
                        new Update().set("status", CampaignContact.CANCELLED), COLLECTION)
                .map(result -> result.getModifiedCount());
    }

    public Flux<CampaignContact> of(String campaignId) {
        return mongo.find(Query.query(Criteria.where("campaignId").is(campaignId)).with(Sort.by("_id")),
                Document.class, COLLECTION).map(CampaignContacts::toContact);
    }

    private Mono<Void> settle(String id, Update update) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("status").is(CampaignContact.SENDING)),
                update, COLLECTION).then();
    }

    static CampaignContact toContact(Document doc) {
        Date next = doc.getDate("nextAttemptAt");
        Date queued = doc.getDate("queuedAt");
        return new CampaignContact(doc.getString("_id"), doc.getString("campaignId"), doc.getString("debtorId"),
                doc.getString("status"), doc.getString("reason"), next == null ? null : next.toInstant(),
                doc.getInteger("attempts", 0), doc.getString("outboxId"), queued == null ? null : queued.toInstant(),
                doc.getString("channel"));
    }

    static List<String> pendingStatuses() {
        return List.of(CampaignContact.QUEUED, CampaignContact.SENDING, CampaignContact.DEFERRED);
    }

    /** The records stay (they are evidence) under the pseudonym, without personal data. */
    @Override
    public Mono<Map<String, Long>> erase(Erasure e) {
        return ErasureSweep.sweepReported(mongo, COLLECTION, e);
    }

    @Override
    public Map<String, List<Index>> secondaryIndexes() {
        return Map.of(COLLECTION, List.of(new Index().on("status", org.springframework.data.domain.Sort.Direction.ASC).on("nextAttemptAt", org.springframework.data.domain.Sort.Direction.ASC).on("campaignId", org.springframework.data.domain.Sort.Direction.ASC),
                new Index().on("campaignId", org.springframework.data.domain.Sort.Direction.ASC)));
    }
}

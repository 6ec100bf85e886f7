package dev.cobra.runtime.channel.sms;

import dev.cobra.runtime.persistence.CollectionOwner;
import dev.cobra.runtime.persistence.DebtorRecords;
import dev.cobra.runtime.persistence.ErasureSweep;
import dev.cobra.runtime.persistence.SecondaryIndexes;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * SMS traffic (collection {@value #COLLECTION}, owned here): one document per outbound message (who, which campaign,
 * the provider's id, the furthest delivery status, whether the debtor answered), one pointer per provider message id
 * ({@code sid:<id>}, so status callbacks find their message by id) and one per inbound message id (so a redelivered
 * webhook is processed once). Message texts are not stored: they carry personal links.
 *
 * <p>Every {@code _id} in the collection is a string ({@code out:<hex>}, {@code sid:<id>}, {@code in:<id>}): the
 * embedded database's H2 key type cannot order mixed key types safely under concurrent reads (outbound messages
 * with ObjectId ids next to string pointers made {@code GET /api/campaigns/{id}} fail now and then with "Can not
 * compare"). A message's public id stays the 24-hex text it always was, so ids kept by campaign contacts still
 * resolve. Versions before this one stored outbound messages under a bare ObjectId: those are rewritten to the
 * string form once, before this store's first operation ({@link #legacyIdsRewritten}).
 *
 * <p>Statuses only move forward ({@code queued} → {@code sent} → {@code delivered}, or {@code undelivered} /
 * {@code failed}), whatever order the provider's callbacks arrive in. A callback that arrives before the send
 * request's answer was recorded is kept in the pointer and applied when that answer is recorded.
 */
@CollectionOwner("sms_messages")
public class SmsMessageStore implements DebtorRecords, SecondaryIndexes {

    private static final Logger log = LoggerFactory.getLogger(SmsMessageStore.class);

    private static final String COLLECTION = "sms_messages";

    /** Order of the provider's statuses; a status never replaces one of equal or higher rank. */
    static final Map<String, Integer> RANK = Map.of("accepted", 1, "queued", 1, "sending", 2, "sent", 3,
            "delivered", 4, "undelivered", 4, "failed", 4, "read", 5);

    /** An outbound message as campaigns read it. */
    public record Outbound(String id, String debtorId, String campaignId, String providerId, String status,
                           String error, boolean replied) {
    }

    private static final String OUTBOUND = "out:";

    private final ReactiveMongoTemplate mongo;
    /** Completes once no outbound message of an earlier version keeps an ObjectId id; every operation waits for it. */
    private final Mono<Void> legacyIdsRewritten;

    public SmsMessageStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
        this.legacyIdsRewritten = Mono.defer(this::rewriteLegacyIds)
                .cache(done -> Duration.ofMillis(Long.MAX_VALUE), failed -> Duration.ZERO, () -> Duration.ofMillis(Long.MAX_VALUE));
    }

    /** Records a message about to be handed to the provider; its id names it in campaign contacts. */
    public Mono<String> recordOutbound(String debtorId, String to, String campaignId, String purpose, Instant at) {
        String id = new ObjectId().toHexString();
        Document doc = new Document("_id", OUTBOUND + id).append("direction", "out").append("debtorId", debtorId)
                .append("to", to).append("campaignId", campaignId).append("purpose", purpose)
                .append("status", "created").append("statusRank", 0).append("createdAt", Date.from(at));
        return legacyIdsRewritten.then(mongo.insert(doc, COLLECTION)).thenReturn(id);
    }

    /**
     * The provider accepted the message: the provider id's pointer names this record from now on, and a status
     * callback that was faster than this answer (kept in the pointer) is applied.
     */
    public Mono<Void> markSubmitted(String id, String providerId, String status, Instant at) {
        int rank = RANK.getOrDefault(status, 1);
        return legacyIdsRewritten.then(mongo.updateFirst(byId(id), new Update().set("providerId", providerId).set("status", status)
                        .set("statusRank", rank).set("sentAt", Date.from(at)), COLLECTION))
                .then(mongo.findAndModify(Query.query(Criteria.where("_id").is(pointer(providerId))),
                        new Update().set("ref", id).set("direction", "pointer").setOnInsert("statusRank", 0),
                        FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION))
                .flatMap(pointer -> pointer.getString("status") == null ? Mono.empty()
                        : forward(id, pointer.getString("status"), pointer.getString("error"), at))
                .then();
    }

    public Mono<Void> markFailed(String id, String error, Instant at) {
        return legacyIdsRewritten.then(mongo.updateFirst(byId(id), new Update().set("status", "failed")
                .set("statusRank", RANK.get("failed")).set("error", error).set("statusAt", Date.from(at)), COLLECTION)).then();
    }

    /**
     * A status callback. The provider id's pointer document keeps the furthest status (so one that arrives before
     * {@link #markSubmitted} is not lost) and leads to the message, which moves forward only. Both are read and
     * written by id: no scan, however many messages there are. Emits whether the message changed.
     */
    public Mono<Boolean> applyStatus(String providerId, String status, String error, Instant at) {
        Integer rank = RANK.get(status);
        if (providerId == null || rank == null) {
            return Mono.just(false);
        }
        Update update = new Update().set("direction", "pointer").set("status", status).set("statusRank", rank)
                .set("statusAt", Date.from(at));
        if (error != null) {
            update.set("error", error);
        }
        Query query = Query.query(Criteria.where("_id").is(pointer(providerId)).and("statusRank").lt(rank));
        return legacyIdsRewritten.then(mongo.findAndModify(query, update,
                        FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION))
                .flatMap(pointer -> pointer.getString("ref") == null ? Mono.just(false)
                        : forward(pointer.getString("ref"), status, error, at))
                .onErrorResume(DuplicateKeyException.class, e -> Mono.just(false)) // a further status is already kept
                .defaultIfEmpty(false);
    }

    private Mono<Boolean> forward(String id, String status, String error, Instant at) {
        int rank = RANK.getOrDefault(status, 0);
        Update update = new Update().set("status", status).set("statusRank", rank).set("statusAt", Date.from(at));
        if (error != null) {
            update.set("error", error);
        }
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(OUTBOUND + id).and("statusRank").lt(rank)),
                update, COLLECTION).map(result -> result.getModifiedCount() > 0);
    }

    public Mono<Outbound> find(String id) {
        if (!ObjectId.isValid(id)) {
            return Mono.empty();
        }
        return legacyIdsRewritten.then(mongo.findOne(byId(id), Document.class, COLLECTION)).map(doc -> new Outbound(id,
                doc.getString("debtorId"), doc.getString("campaignId"), doc.getString("providerId"),
                doc.getString("status"), doc.getString("error"), Boolean.TRUE.equals(doc.getBoolean("replied"))));
    }

    /** Remembers an inbound message id; false when it was already seen (a redelivery). */
    public Mono<Boolean> recordInbound(String providerId, String debtorId, boolean optOut, Instant at) {
        Document doc = new Document("_id", "in:" + providerId).append("direction", "in").append("debtorId", debtorId)
                .append("optOut", optOut).append("receivedAt", Date.from(at));
        return legacyIdsRewritten.then(mongo.insert(doc, COLLECTION)).thenReturn(true)
                .onErrorResume(DuplicateKeyException.class, e -> Mono.just(false));
    }

    /** The debtor wrote back: the messages sent to them before count as replied. */
    public Mono<Void> markReplied(String debtorId, Instant at) {
        Query query = Query.query(Criteria.where("debtorId").is(debtorId).and("direction").is("out")
                .and("sentAt").lte(Date.from(at)).and("replied").ne(true));
        return legacyIdsRewritten.then(mongo.updateMulti(query, new Update().set("replied", true), COLLECTION)).then();
    }

    @Override
    public Mono<Map<String, Long>> erase(Erasure erasure) {
        return legacyIdsRewritten.then(ErasureSweep.sweepReported(mongo, COLLECTION, erasure));
    }

    @Override
    public Mono<Map<String, List<Document>>> export(String debtorId, List<String> conversationIds) {
        return legacyIdsRewritten.thenMany(mongo.find(Query.query(Criteria.where("debtorId").is(debtorId)),
                        Document.class, COLLECTION)).collectList().map(list -> Map.of("smsMessages", list));
    }

    /** An answer marks the debtor's earlier messages (by debtor and direction). */
    @Override
    public Map<String, List<Index>> secondaryIndexes() {
        return Map.of(COLLECTION, List.of(new Index().on("debtorId", Sort.Direction.ASC).on("direction", Sort.Direction.ASC)));
    }

    private static String pointer(String providerId) {
        return "sid:" + providerId;
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(OUTBOUND + id));
    }

    /**
     * Rewrites each outbound message an earlier version stored under a bare ObjectId to {@code out:<hex>} (insert
     * the copy, then remove the original; a copy left by an interrupted earlier run is kept). Pointers name
     * messages by the same hex text either way, so they need no change.
     */
    private Mono<Void> rewriteLegacyIds() {
        return mongo.find(Query.query(Criteria.where("_id").type(7)), Document.class, COLLECTION) // 7 = ObjectId
                .concatMap(legacy -> {
                    ObjectId old = legacy.getObjectId("_id");
                    Document copy = new Document(legacy);
                    copy.put("_id", OUTBOUND + old.toHexString());
                    return mongo.insert(copy, COLLECTION).then()
                            .onErrorResume(DuplicateKeyException.class, alreadyCopied -> Mono.empty())
                            .then(mongo.remove(Query.query(Criteria.where("_id").is(old)), COLLECTION))
                            .thenReturn(1);
                })
                .count()
                .doOnNext(rewritten -> {
                    if (rewritten > 0) {
                        log.info("sms.messages.ids_rewritten count={}", rewritten);
                    }
                })
                .then();
    }
}

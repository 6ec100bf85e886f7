package dev.cobra.runtime.channel.whatsapp;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.cobra.runtime.conversation.message.DeliveryKey;
import dev.cobra.runtime.conversation.message.PreparedDelivery;
import dev.cobra.runtime.persistence.CoalescingWriter;
import dev.cobra.runtime.persistence.CollectionOwner;
import dev.cobra.runtime.persistence.DebtorRecords;
import dev.cobra.runtime.persistence.ErasureSweep;
import dev.cobra.runtime.persistence.SecondaryIndexes;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The persistent queue of outbound WhatsApp messages (collection {@value #COLLECTION}). A message is written
 * {@code PENDING} before anything is sent; a sender claims it ({@code SENDING}, by a conditional update that only
 * takes a {@code PENDING} message), and records the outcome: {@code SENT} with Meta's {@code wamid}, back to
 * {@code PENDING} with a later {@code nextAttemptAt} on a transient error, or {@code FAILED} with the error code.
 * Ids are ObjectIds, so sorting by id is creation order (per-recipient order is kept by the sender).
 */
@CollectionOwner("whatsapp_outbox")
public class WhatsAppOutbox implements DebtorRecords, SecondaryIndexes, dev.cobra.runtime.persistence.WorkQueues {

    private static final String COLLECTION = "whatsapp_outbox";

    public static final String PENDING = "PENDING";
    public static final String SENDING = "SENDING";
    public static final String SENT = "SENT";
    public static final String FAILED = "FAILED";

    private final ReactiveMongoTemplate mongo;
    /** Concurrent turns' messages, one ordered insert command per batch (order kept: see insert). */
    private final CoalescingWriter inserts;
    /** "Sent" marks of concurrent sends, one command per batch. */
    private final CoalescingWriter sentMarks;

    public WhatsAppOutbox(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
        this.inserts = new CoalescingWriter(mongo.getCollection(COLLECTION), true);
        this.sentMarks = new CoalescingWriter(mongo.getCollection(COLLECTION));
    }

    /**
     * Persists the messages of one turn, in order; completes when they are durable. While the database is briefly
     * unreachable an insert is retried for up to {@link #ENQUEUE_RETRY_WINDOW} (the turn is already logged, so
     * failing here would lose the reply); the id is fixed first, so a retried insert that had landed is a no-op.
     */
    public Mono<Void> enqueue(List<Document> messages) {
        if (messages.isEmpty()) {
            return Mono.empty();
        }
        return DeliveryKey.current().flatMap(key -> key.isEmpty() ? insert(messages) : insertOnce(messages, key.get()));
    }

    /**
     * Stamps each message with {@code <delivery key>:<index>}; on a redelivery (a turn finished after a crash) the
     * messages already stored under their stamp are left out, so none is queued, and sent, twice.
     */
    private Mono<Void> insertOnce(List<Document> messages, DeliveryKey key) {
        stamp(messages, key);
        if (!key.redelivery()) {
            return insert(messages);
        }
        return notStored(messages).flatMap(this::insert);
    }

    private static void stamp(List<Document> messages, DeliveryKey key) {
        for (int i = 0; i < messages.size(); i++) {
            messages.get(i).put(DELIVERY_FIELD, key.key() + ":" + i);
        }
    }

    /** The stamped messages not yet stored under their stamp (a redelivery's). */
    private Mono<List<Document>> notStored(List<Document> messages) {
        List<String> stamps = messages.stream().map(doc -> doc.getString(DELIVERY_FIELD)).toList();
        return mongo.find(Query.query(Criteria.where(DELIVERY_FIELD).in(stamps)), Document.class, COLLECTION)
                .map(doc -> doc.getString(DELIVERY_FIELD)).collect(Collectors.toSet())
                .map(stored -> messages.stream().filter(doc -> !stored.contains(doc.getString(DELIVERY_FIELD))).toList());
    }

    /**
     * A turn's messages made ready before the turn's save (issue 17, step 2): stamped with the delivery key and, for
     * recipients that go direct, claimed in memory now, so that the records saved with the turn say what may have been
     * sent. After the save ({@link PreparedDelivery#commit}) those messages are POSTed at once while their insert is
     * written behind them; the send's outcome is recorded once the insert is durable.
     */
    PreparedDelivery prepare(List<Document> messages, DeliveryKey key, Runnable afterInsert) {
        stamp(messages, key);
        DirectSends sends = direct;
        DirectSends.Reservation reservation = sends == null ? null : sends.reserve(messages);
        List<Document> records = messages.stream().map(Document::new).toList(); // as they are now: PENDING or claimed
        return new PreparedDelivery() {
            @Override
            public List<Document> records() {
                return records;
            }

            @Override
            public Mono<Void> commit() {
                if (reservation != null) {
                    reservation.claimed();
                }
                return insertReserved(messages, reservation).then(Mono.fromRunnable(afterInsert));
            }

            @Override
            public void abandon() {
                if (reservation != null) {
                    reservation.failed();
                }
            }
        };
    }

    /**
     * Stores what a prepared delivery saved with its turn, after a crash cut the turn short: the messages not stored
     * yet under their stamp, as they were saved. A claimed one may have been POSTed before the crash, so it is a claim
     * in doubt at once (settled by a status webhook, else sent again after the grace: OutboxSender); a pending one
     * waits for the drain like any queued message.
     */
    Mono<Void> recover(List<Document> records, DeliveryKey key) {
        List<Document> messages = records.stream().map(Document::new).toList();
        return notStored(messages).flatMap(missing -> {
            List<ObjectId> claims = missing.stream().filter(doc -> SENDING.equals(doc.getString("status")))
                    .map(doc -> doc.getObjectId("_id")).toList();
            Mono<Void> stored = whileReachable(Mono.defer(() -> inserts.insert(missing)))
                    .onErrorResume(DuplicateKeyException.class, partlyLanded -> Flux.fromIterable(missing)
                            .concatMap(doc -> whileReachable(Mono.defer(() -> mongo.insert(doc, COLLECTION)).then())
                                    .onErrorResume(DuplicateKeyException.class, landed -> Mono.empty()))
                            .then())
                    .doOnSuccess(done -> missing.forEach(doc -> queued(doc.getString("to"))));
            java.util.function.Function<List<ObjectId>, Mono<Void>> inDoubt = recoveredClaims;
            return claims.isEmpty() || inDoubt == null ? stored : stored.then(Mono.defer(() -> inDoubt.apply(claims)));
        });
    }

    /** Set by a running sender: puts recovered claims in doubt (without one, its next start does). */
    private volatile java.util.function.Function<List<ObjectId>, Mono<Void>> recoveredClaims;

    void recoveredClaims(java.util.function.Function<List<ObjectId>, Mono<Void>> handler) {
        this.recoveredClaims = handler;
    }

    /** The field naming the turn delivery (and position in it) a message belongs to. */
    static final String DELIVERY_FIELD = "delivery";

    /**
     * One ordered insert for the whole turn, sent together with other turns' in one command ({@link
     * CoalescingWriter}, ordered; ids in order, so the sender keeps the order). A retry after a lost answer may
     * find some of them stored: those are then inserted one by one, skipping the ones that landed.
     */
    private Mono<Void> insert(List<Document> messages) {
        if (messages.isEmpty()) {
            return Mono.empty();
        }
        messages.forEach(doc -> doc.putIfAbsent("_id", new ObjectId()));
        DirectSends sends = direct;
        return insertReserved(messages, sends == null ? null : sends.reserve(messages));
    }

    private Mono<Void> insertReserved(List<Document> messages, DirectSends.Reservation reservation) {
        if (messages.isEmpty()) {
            return Mono.empty();
        }
        return whileReachable(Mono.defer(() -> inserts.insert(messages)))
                .onErrorResume(DuplicateKeyException.class, partlyLanded -> Flux.fromIterable(messages)
                        .concatMap(doc -> whileReachable(Mono.defer(() -> mongo.insert(doc, COLLECTION)).then())
                                .onErrorResume(DuplicateKeyException.class, landed -> Mono.empty()))
                        .then())
                .doOnSuccess(done -> {
                    for (Document doc : messages) {
                        if (PENDING.equals(doc.getString("status"))) {
                            queued(doc.getString("to"));
                        }
                    }
                    if (reservation != null) {
                        reservation.stored();
                    }
                })
                .doOnError(error -> {
                    if (reservation != null) {
                        reservation.failed();
                    }
                });
    }

    /** A message for {@code to} waits for the drain now. */
    private void queued(String to) {
        queuedSinceDrain = true;
        DirectSends sends = direct;
        if (sends != null) {
            sends.queued(to);
        }
    }

    /** Set by a sole sender (OutboxSender): messages of recipients with nothing queued are sent from memory. */
    private volatile DirectSends direct;
    private volatile boolean queuedSinceDrain = true;

    void directSends(DirectSends sends) {
        this.direct = sends;
    }

    /** Whether a message was queued for the drain since the last call (a wake-up is needed only then). */
    boolean takeQueued() {
        boolean queued = queuedSinceDrain;
        queuedSinceDrain = false;
        return queued;
    }

    /**
     * Direct messages behind one that went back to the queue: their claims are released, so the drain sends them
     * after it, in order ({@code attempts} 0: never handed to Meta).
     */
    Mono<Long> releaseClaims(List<ObjectId> ids) {
        return mongo.updateMulti(Query.query(Criteria.where("_id").in(ids).and("status").is(SENDING)),
                        new Update().set("status", PENDING).set("attempts", 0).unset("claimedAt"), COLLECTION)
                .map(result -> result.getModifiedCount())
                .doOnSuccess(count -> queuedSinceDrain = true);
    }

    private static Mono<Void> whileReachable(Mono<Void> insert) {
        return insert.retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(250)).maxBackoff(Duration.ofSeconds(2))
                        .filter(WhatsAppInboundProcessor::databaseUnavailable))
                .timeout(ENQUEUE_RETRY_WINDOW);
    }

    /** Shorter than the turn timeout, so that a retried reply never makes its turn time out. */
    static final Duration ENQUEUE_RETRY_WINDOW = Duration.ofSeconds(20);

    public static Document newMessage(String to, String conversationId, String debtorId, String kind, String body,
                                      Instant now) {
        ObjectId id = new ObjectId();
        // The outbox id goes into the body now, as the callback data the status webhooks echo (OutboxSender).
        String placed = OutboxSender.placeCallbackData(body, id);
        return new Document("_id", id)
                .append("to", to)
                .append("conversationId", conversationId)
                .append("debtorId", debtorId)
                .append("kind", kind)
                .append("body", placed != null ? placed : body)
                .append("status", PENDING)
                .append("attempts", 0)
                .append("createdAt", Date.from(now))
                .append("nextAttemptAt", Date.from(now));
    }

    /** A message that must not go out (e.g. outside the 24-hour window without a template), kept for audit. */
    public static Document refused(Document message, String code, String reason) {
        return message.append("status", FAILED).append("errorCode", code).append("errorMessage", reason);
    }

    /**
     * Messages not yet settled, oldest first, with only the fields that pick the head of each recipient's queue
     * (the bodies are read by {@link #claimAll} for the heads it takes, not for a whole backlog at every drain).
     */
    Flux<Document> unsettled(int limit) {
        Query query = Query.query(Criteria.where("status").in(PENDING, SENDING))
                .with(Sort.by(Sort.Direction.ASC, "_id")).limit(limit);
        query.fields().include("to").include("status").include("nextAttemptAt");
        return mongo.find(query, Document.class, COLLECTION);
    }

    /**
     * When the oldest message not yet settled ({@code PENDING} or {@code SENDING}) was queued, or empty when
     * none is: the outbox lag of the metrics. Same query shape as {@link #unsettled}, one document.
     */
    public Mono<Instant> oldestUnsettledAt() {
        Query query = Query.query(Criteria.where("status").in(PENDING, SENDING))
                .with(Sort.by(Sort.Direction.ASC, "_id")).limit(1);
        query.fields().include("createdAt");
        return mongo.findOne(query, Document.class, COLLECTION)
                .mapNotNull(doc -> doc.getDate("createdAt"))
                .map(Date::toInstant);
    }

    /** Marks the claims of one {@link #claimAll} call, so that it can read back the ones it won. */
    static final String CLAIM_TOKEN_FIELD = "claimToken";

    /**
     * Takes the given pending messages ({@code SENDING}, {@code claimedAt}, one more attempt) in one command (a
     * drain's heads) and emits the ones taken, as stored after the claim; the ones another sender took first, or
     * that are no longer pending, are left out. Two commands per drain instead of one per message.
     */
    Flux<Document> claimAll(List<ObjectId> ids, Instant now) {
        if (ids.isEmpty()) {
            return Flux.empty();
        }
        String token = new ObjectId().toHexString();
        Query pending = Query.query(Criteria.where("_id").in(ids).and("status").is(PENDING));
        Update claim = new Update().set("status", SENDING).set("claimedAt", Date.from(now))
                .set(CLAIM_TOKEN_FIELD, token).inc("attempts", 1);
        Query won = Query.query(Criteria.where("status").is(SENDING).and(CLAIM_TOKEN_FIELD).is(token))
                .with(Sort.by(Sort.Direction.ASC, "_id"));
        return mongo.updateMulti(pending, claim, COLLECTION)
                .flatMapMany(result -> result.getModifiedCount() == 0 ? Flux.empty()
                        : mongo.find(won, Document.class, COLLECTION));
    }

    /**
     * Records Meta's acceptance reported by the send's own HTTP response. A message a status webhook settled first
     * keeps that settlement (same wamid); a {@code PENDING} one (its claim released while the answer was late) is
     * settled too, so it is not sent again.
     */
    Mono<Void> markSent(ObjectId id, String wamid, Instant now) {
        return sentMarks.updateOne(Filters.and(Filters.eq("_id", id), Filters.in("status", PENDING, SENDING)),
                Updates.combine(Updates.set("status", SENT), Updates.set("wamid", wamid),
                        Updates.set("sentAt", Date.from(now)), Updates.unset("errorCode"), Updates.unset("errorMessage"),
                        Updates.unset(IN_DOUBT_FIELD)));
    }

    /** Back to the queue; only while the claim it answers still holds (a status webhook may have settled it). */
    Mono<Void> markRetry(Document claimed, Instant nextAttemptAt, String code, String message) {
        return updateIf(heldClaim(claimed), new Update().set("status", PENDING)
                .set("nextAttemptAt", Date.from(nextAttemptAt)).set("errorCode", code).set("errorMessage", message));
    }

    /** Given up; only while the claim it answers still holds. */
    Mono<Void> markFailed(Document claimed, String code, String message, Instant now) {
        return updateIf(heldClaim(claimed), new Update().set("status", FAILED).set("errorCode", code)
                .set("errorMessage", message).set("failedAt", Date.from(now)));
    }

    private static Criteria heldClaim(Document claimed) {
        return Criteria.where("_id").is(claimed.getObjectId("_id")).and("status").is(SENDING)
                .and("claimedAt").is(claimed.getDate("claimedAt"));
    }

    /** Set on a {@code SENDING} claim whose sender died: the time until which a status webhook may still settle it. */
    static final String IN_DOUBT_FIELD = "inDoubtUntil";

    /**
     * Claims taken before {@code claimedBefore} by a sender that stopped (crash, kill) before recording the outcome
     * are <em>in doubt</em>: Meta may or may not have accepted them. They stay {@code SENDING} (their recipient's
     * queue waits) until {@code until}, so that a status webhook carrying the message's id can settle them as
     * {@code SENT}; {@link #releaseInDoubt} puts the unsettled ones back in the queue afterwards.
     *
     * @return how many claims were newly put in doubt
     */
    Mono<Long> markInDoubt(Instant claimedBefore, Instant until) {
        Query query = Query.query(Criteria.where("status").is(SENDING).and("claimedAt").lt(Date.from(claimedBefore))
                .and(IN_DOUBT_FIELD).exists(false));
        return mongo.updateMulti(query, new Update().set(IN_DOUBT_FIELD, Date.from(until)), COLLECTION)
                .map(result -> result.getModifiedCount());
    }

    /** The given claims (stored by a turn's recovery) are in doubt until {@code until}; how many were put so. */
    Mono<Long> markInDoubt(List<ObjectId> ids, Instant until) {
        Query query = Query.query(Criteria.where("_id").in(ids).and("status").is(SENDING).and(IN_DOUBT_FIELD).exists(false));
        return mongo.updateMulti(query, new Update().set(IN_DOUBT_FIELD, Date.from(until)), COLLECTION)
                .map(result -> result.getModifiedCount());
    }

    /**
     * In-doubt claims whose grace ended without a status webhook go back to the queue and are sent again: the only
     * safe choice, since the Graph API has no idempotency key (at least once when webhooks are not subscribed).
     *
     * @return how many were released
     */
    Mono<Long> releaseInDoubt(Instant now) {
        Query query = Query.query(Criteria.where("status").is(SENDING).and(IN_DOUBT_FIELD).lte(Date.from(now)));
        return mongo.updateMulti(query, new Update().set("status", PENDING).unset(IN_DOUBT_FIELD), COLLECTION)
                .map(result -> result.getModifiedCount());
    }

    /** The earliest end of grace among the claims still in doubt, or empty when none is. */
    Mono<Instant> nextInDoubtDeadline() {
        Query query = Query.query(Criteria.where("status").is(SENDING).and(IN_DOUBT_FIELD).exists(true))
                .with(Sort.by(Sort.Direction.ASC, IN_DOUBT_FIELD)).limit(1);
        query.fields().include(IN_DOUBT_FIELD);
        return mongo.findOne(query, Document.class, COLLECTION).map(doc -> doc.getDate(IN_DOUBT_FIELD).toInstant());
    }

    /** What settling by a status webhook did. */
    enum Settlement { SETTLED, SETTLED_IN_DOUBT, UNCHANGED }

    /**
     * A status webhook names this message (its {@code biz_opaque_callback_data}): Meta accepted it, with this wamid.
     * A message still {@code SENDING} (in flight or in doubt) or {@code PENDING} after a lost answer is settled as
     * {@code SENT}; anything else is left alone: a message never handed to a sender ({@code attempts} 0), one whose
     * recipient differs from the status's {@code recipient_id}, or one already settled or failed.
     */
    Mono<Settlement> settleByStatus(String callbackData, String wamid, String recipientId, Instant at) {
        if (callbackData == null || wamid == null || !ObjectId.isValid(callbackData)) {
            return Mono.just(Settlement.UNCHANGED);
        }
        ObjectId id = new ObjectId(callbackData);
        return findById(id)
                .filter(doc -> doc.getInteger("attempts", 0) > 0 && sameRecipient(doc.getString("to"), recipientId)
                        && (PENDING.equals(doc.getString("status")) || SENDING.equals(doc.getString("status"))))
                .flatMap(doc -> mongo.updateFirst(Query.query(Criteria.where("_id").is(id)
                                        .and("status").in(PENDING, SENDING)),
                                new Update().set("status", SENT).set("wamid", wamid).set("sentAt", Date.from(at))
                                        .set("settledBy", "status").unset("errorCode").unset("errorMessage")
                                        .unset(IN_DOUBT_FIELD), COLLECTION)
                        .map(result -> result.getModifiedCount() == 0 ? Settlement.UNCHANGED
                                : doc.get(IN_DOUBT_FIELD) != null ? Settlement.SETTLED_IN_DOUBT : Settlement.SETTLED))
                .defaultIfEmpty(Settlement.UNCHANGED);
    }

    /** Meta reports phone recipients as digits; a BSUID recipient may come without {@code recipient_id}. */
    private static boolean sameRecipient(String to, String recipientId) {
        if (recipientId == null) {
            return true;
        }
        String phone = WebhookPayloadParser.digitsOrNull(to);
        return phone == null ? recipientId.equals(to) : phone.equals(WebhookPayloadParser.digitsOrNull(recipientId));
    }

    public Mono<Document> findById(ObjectId id) {
        return mongo.findById(id, Document.class, COLLECTION);
    }

    public Flux<Document> findByRecipient(String to) {
        return mongo.find(Query.query(Criteria.where("to").is(to)).with(Sort.by("_id")), Document.class, COLLECTION);
    }

    private Mono<Void> updateIf(Criteria criteria, Update update) {
        return mongo.updateFirst(Query.query(criteria), update, COLLECTION).then();
    }

    /** The messages queued in [from, to), of one campaign when {@code campaignId} is given: the KPIs' read model. */
    public Flux<Document> createdBetween(Instant from, Instant to, String campaignId) {
        Criteria criteria = Criteria.where("createdAt").gte(Date.from(from)).lt(Date.from(to));
        if (campaignId != null) {
            criteria = criteria.and("campaignId").is(campaignId);
        }
        return mongo.find(Query.query(criteria), Document.class, COLLECTION);
    }

    /** Retention: bodies of settled messages queued before {@code cutoff} are cleared (the status stays); how many. */
    public Mono<Long> clearBodiesBefore(Instant cutoff) {
        return mongo.updateMulti(Query.query(Criteria.where("createdAt").lt(Date.from(cutoff))
                        .and("status").in(SENT, FAILED).and("body").ne("{}")),
                new Update().set("body", "{}"), COLLECTION).map(r -> r.getModifiedCount());
    }

    /** The unsent messages the sender drains: an in-memory queue index on the embedded database. */
    @Override
    public Map<String, Queue> workQueues() {
        return Map.of(COLLECTION, new Queue("status", java.util.Set.of(PENDING, SENDING)));
    }

    @Override
    public Map<String, List<Index>> secondaryIndexes() {
        var asc = org.springframework.data.domain.Sort.Direction.ASC;
        return Map.of(COLLECTION, List.of(new Index().on("status", asc).on("_id", asc),
                new Index().on("to", asc).on("_id", asc), new Index().on(DELIVERY_FIELD, asc).sparse()));
    }

    /** Kept for the delivery KPIs under the pseudonym, without recipient or body. */
    @Override
    public Mono<Map<String, Long>> erase(Erasure e) {
        return mongo.updateMulti(Query.query(new Criteria().orOperator(
                                Criteria.where("debtorId").is(e.debtorId()), Criteria.where("to").in(e.channelKeys()))),
                        new Update().set("debtorId", e.pseudonym()).set("to", e.pseudonym()).set("body", "{}"), COLLECTION)
                .flatMap(r -> ErasureSweep.sweep(mongo, COLLECTION, e).map(n -> r.getModifiedCount() + n))
                .map(n -> ErasureSweep.counted(Map.of(), COLLECTION, n));
    }
}

package dev.cobra.runtime.conversation.state;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.cobra.runtime.persistence.CollectionOwner;
import dev.cobra.runtime.persistence.DebtorRecords;
import dev.cobra.runtime.persistence.ErasureSweep;
import dev.cobra.runtime.persistence.SecondaryIndexes;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.springframework.data.domain.Sort.Direction.ASC;

/**
 * The {@code conversations} collection. Every write is a single-document operation; {@link #save} is a
 * compare-and-set on {@code version}, which is what makes several runtime instances safe without transactions.
 */
@Component
@CollectionOwner({"conversations", "conversation_pointers"})
public class ConversationStore implements DebtorRecords, SecondaryIndexes {

    private static final String COLLECTION = "conversations";
    private static final Logger log = LoggerFactory.getLogger(ConversationStore.class);

    private final Mono<MongoCollection<Document>> collection;
    /**
     * {@value #POINTERS}: per channel identity, the id of its newest conversation ({@code _id} = SHA-256 of
     * channel and identity, so no phone number is stored in it). Finding a WhatsApp user's conversation is then two
     * reads by id instead of a query on {@code channel}/{@code externalUserId}, which the embedded database, having
     * no secondary indexes, answered by scanning every conversation on every inbound message.
     */
    private final Mono<MongoCollection<Document>> pointers;
    private static final String POINTERS = "conversation_pointers";
    private final ReactiveMongoTemplate mongo;
    private static final String POINTERS_READY = "__pointers_v1";

    /**
     * The turn's view of conversations (issue 17): the last document this instance saved or read for a turn, by id,
     * and each channel identity's newest conversation id. A turn that finds its conversation here makes no read; its
     * save is still a compare-and-set on {@code version}, so a copy made stale by another instance (or by a write
     * that went around this store, which the ownership test forbids) fails the save, is evicted, and the turn runs
     * again on the stored document. Every write of this store updates or evicts its entries.
     */
    private final Cache<String, Document> turnCopies;
    private final Cache<String, String> newest;

    public ConversationStore(ReactiveMongoTemplate mongo) {
        this(mongo, DEFAULT_CACHED_CONVERSATIONS);
    }

    /** Conversations kept for turns (10,000 by default); 0 turns the cache off (every turn reads). */
    static final int DEFAULT_CACHED_CONVERSATIONS = 10_000;

    @org.springframework.beans.factory.annotation.Autowired
    public ConversationStore(ReactiveMongoTemplate mongo,
                             @org.springframework.beans.factory.annotation.Value("${bot.conversation-cache.size:10000}") int cached) {
        this.mongo = mongo;
        this.turnCopies = Caffeine.newBuilder().maximumSize(Math.max(0, cached)).build();
        this.newest = Caffeine.newBuilder().maximumSize(Math.max(0, cached)).build();
        this.collection = mongo.getCollection(COLLECTION)
                .flatMap(c -> Mono.from(c.createIndex(Indexes.ascending("channel", "externalUserId", "createdAt"),
                                new IndexOptions().name("by_channel_user")))
                        .doOnError(e -> log.warn("conversation.index.failed error={}", e.toString()))
                        .onErrorResume(e -> Mono.empty())
                        .thenReturn(c))
                .cache();
        this.pointers = mongo.getCollection(POINTERS)
                .flatMap(p -> collection.flatMap(c -> pointEveryUserOnce(c, p)).thenReturn(p))
                // Kept once ready; a failure (database unreachable at first use) is tried again on the next call.
                .cache(ready -> Duration.ofMillis(Long.MAX_VALUE), error -> Duration.ZERO, () -> Duration.ZERO);
    }

    public Mono<ConversationState> findById(String id) {
        return collection.flatMap(c -> Mono.from(c.find(Filters.eq("_id", id)).first()))
                .map(ConversationDocuments::fromDocument);
    }

    /**
     * The conversation as a turn starts from it: this instance's copy of the last saved version when it has one
     * (no read; a stale copy fails the turn's compare-and-set, see {@link #evict}), else the stored document.
     */
    public Mono<ConversationState> findForTurn(String id) {
        Document copy = turnCopies.getIfPresent(id);
        if (copy != null) {
            return Mono.just(ConversationDocuments.fromDocument(copy));
        }
        return collection.flatMap(c -> Mono.from(c.find(Filters.eq("_id", id)).first()))
                .doOnNext(this::remember)
                .map(ConversationDocuments::fromDocument);
    }

    /** {@link #findLatest} as a turn starts from it: the identity's newest conversation id known here, else the pointer. */
    public Mono<ConversationState> findLatestForTurn(String channel, String externalUserId) {
        if (channel == null || externalUserId == null) {
            return Mono.empty();
        }
        String pointer = pointerId(channel, externalUserId);
        String known = newest.getIfPresent(pointer);
        Mono<ConversationState> found = known != null ? findForTurn(known)
                : pointers.flatMap(p -> Mono.from(p.find(Filters.eq("_id", pointer)).first()))
                .flatMap(doc -> findForTurn(doc.getString("conversationId")));
        return found.filter(state -> channel.equals(state.channel()) && externalUserId.equals(state.externalUserId()))
                .doOnNext(state -> newest.put(pointer, state.id()));
    }

    /** Drops this instance's copy (a lost compare-and-set, a failed write): the next turn reads the stored document. */
    public void evict(String id) {
        turnCopies.invalidate(id);
    }

    /** Keeps the newer of the cached and the given document (saves and conditional updates may finish out of order). */
    private void remember(Document doc) {
        String id = doc.getString("_id");
        long version = ConversationDocuments.number(doc.get("version")).longValue();
        turnCopies.asMap().merge(id, doc, (old, fresh) ->
                ConversationDocuments.number(old.get("version")).longValue() > version ? old : fresh);
    }

    /**
     * A conditional update's answer: the updated document is kept as the turn's copy; a failed or cancelled update
     * (whose outcome is unknown) drops the copy, so the next turn reads the stored document.
     */
    private Mono<Document> keptOrEvicted(String conversationId, Mono<Document> updated) {
        return updated.doOnNext(this::remember).doFinally(signal -> {
            if (signal != reactor.core.publisher.SignalType.ON_COMPLETE) {
                evict(conversationId);
            }
        });
    }

    /** Writes that change many conversations at once (erasure, retention) drop every copy. */
    private void forgetAll() {
        turnCopies.invalidateAll();
        newest.invalidateAll();
    }

    /**
     * The newest conversation of a channel identity (a WhatsApp phone or BSUID, a webchat session id): the pointer,
     * then the conversation it names, checked to still belong to that identity (erasure re-keys conversations).
     */
    public Mono<ConversationState> findLatest(String channel, String externalUserId) {
        if (channel == null || externalUserId == null) {
            return Mono.empty();
        }
        return pointers.flatMap(p -> Mono.from(p.find(Filters.eq("_id", pointerId(channel, externalUserId))).first()))
                .flatMap(pointer -> findById(pointer.getString("conversationId")))
                .filter(state -> channel.equals(state.channel()) && externalUserId.equals(state.externalUserId()));
    }

    /**
     * Points the identity at a new conversation. Written before the conversation itself: a crash in between leaves a
     * pointer to nothing, which reads as "no conversation yet", never a conversation nobody can find.
     */
    private Mono<Void> point(ConversationState state) {
        if (state.channel() == null || state.externalUserId() == null) {
            return Mono.empty();
        }
        return pointers.flatMap(p -> point(p, state.channel(), state.externalUserId(), state.id(),
                ConversationDocuments.date(state.createdAt())));
    }

    /**
     * Once per database: pointers for the conversations stored before pointers existed (oldest first, so the
     * newest wins), then the marker. Runs on the first use after start.
     */
    private static Mono<Void> pointEveryUserOnce(MongoCollection<Document> conversations, MongoCollection<Document> pointers) {
        return Mono.from(pointers.find(Filters.eq("_id", POINTERS_READY)).first())
                .map(marker -> 0L)
                .switchIfEmpty(Flux.from(conversations.find().sort(Sorts.ascending("createdAt")))
                        .filter(doc -> doc.getString("channel") != null && doc.getString("externalUserId") != null)
                        .concatMap(doc -> point(pointers, doc.getString("channel"), doc.getString("externalUserId"),
                                doc.getString("_id"), doc.get("createdAt")).thenReturn(doc))
                        .count()
                        .flatMap(count -> Mono.from(pointers.replaceOne(Filters.eq("_id", POINTERS_READY),
                                new Document("at", new java.util.Date()), new ReplaceOptions().upsert(true)))
                                .doOnSuccess(done -> log.info("conversation.pointers.created count={}", count))
                                .thenReturn(count)))
                .then();
    }

    private static Mono<Void> point(MongoCollection<Document> pointers, String channel, String externalUserId,
                                    String conversationId, Object createdAt) {
        return Mono.from(pointers.replaceOne(Filters.eq("_id", pointerId(channel, externalUserId)),
                new Document("conversationId", conversationId).append("createdAt", createdAt),
                new ReplaceOptions().upsert(true))).then();
    }

    static String pointerId(String channel, String externalUserId) {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            sha.update(channel.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(externalUserId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(sha.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public Flux<ConversationState> findByDebtor(String debtorId) {
        return collection.flatMapMany(c -> Flux.from(c.find(Filters.eq("debtorId", debtorId))))
                .map(ConversationDocuments::fromDocument);
    }

    /**
     * Writes the state if nobody else did since it was loaded: inserts when {@code version} is 0, else replaces
     * the document whose version is still the loaded one. On success the state carries the new version.
     *
     * @return error {@link ConcurrentTurnException} when the stored version moved on
     */
    public Mono<ConversationState> save(ConversationState state) {
        long expected = state.version();
        state.version(expected + 1);
        Document doc = ConversationDocuments.toDocument(state);
        Mono<Boolean> written = expected == 0
                ? point(state).then(collection.flatMap(c -> Mono.from(c.insertOne(doc)))).map(r -> true)
                .onErrorResume(ConversationStore::isDuplicateKey, e -> Mono.just(false))
                : collection.flatMap(c -> Mono.from(c.replaceOne(
                        Filters.and(Filters.eq("_id", state.id()), Filters.eq("version", expected)), doc,
                        new ReplaceOptions().upsert(false))))
                .map(r -> r.getMatchedCount() == 1);
        return written.doOnError(e -> evict(state.id())).flatMap(ok -> {
            if (ok) {
                remember(doc);
                if (expected == 0 && state.channel() != null && state.externalUserId() != null) {
                    newest.put(pointerId(state.channel(), state.externalUserId()), state.id());
                }
                return Mono.just(state);
            }
            evict(state.id());
            state.version(expected);
            return Mono.error(new ConcurrentTurnException(state.id(), expected));
        });
    }

    /**
     * Reserves {@code count} message-log seqs outside a turn (agent messages) and returns the first. It also bumps
     * {@code version}, so a turn running at the same moment fails its compare-and-set and retries with the new
     * seq instead of reusing it.
     */
    public Mono<Long> allocateSeqs(String conversationId, int count) {
        return collection.flatMap(c -> Mono.from(c.findOneAndUpdate(Filters.eq("_id", conversationId),
                        new Document("$inc", new Document("messageSeq", (long) count).append("version", 1L)),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))))
                .transform(updated -> keptOrEvicted(conversationId, updated))
                .map(doc -> ConversationDocuments.number(doc.get("messageSeq")).longValue() - count + 1);
    }

    /** Conversations with the given status, oldest handoff first (the agents' queue). */
    public Flux<ConversationState> findByStatus(ConversationStatus status) {
        return collection.flatMapMany(c -> Flux.from(c.find(Filters.eq("status", status.name()))
                        .sort(Sorts.ascending("handoff.at", "createdAt"))))
                .map(ConversationDocuments::fromDocument);
    }

    /**
     * A single-document conditional update outside a turn (an agent claiming or closing a chat): applies
     * {@code $set} when the conversation matches {@code condition}, and bumps {@code version} so that a turn running
     * at the same moment fails its compare-and-set and retries on the new state.
     *
     * @return the updated state; empty when the conversation does not exist or does not match the condition
     */
    public Mono<ConversationState> updateIf(String conversationId, org.bson.conversions.Bson condition, Document set) {
        return collection.flatMap(c -> Mono.from(c.findOneAndUpdate(Filters.and(Filters.eq("_id", conversationId), condition),
                        new Document("$set", set).append("$inc", new Document("version", 1L)),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))))
                .transform(updated -> keptOrEvicted(conversationId, updated))
                .map(ConversationDocuments::fromDocument);
    }

    /** The stored documents of the conversations created in [from, to): the KPIs' read model. */
    public Flux<Document> createdBetween(Instant from, Instant to) {
        return mongo.find(Query.query(Criteria.where("createdAt").gte(Date.from(from)).lt(Date.from(to))),
                Document.class, COLLECTION);
    }

    /** Retention: conversations untouched since {@code cutoff} drop the copy of their last turn (crash recovery). */
    public Mono<Long> dropLastTurnsBefore(Instant cutoff) {
        // The version moves so that another instance's copy of such a conversation fails its next save and is reread.
        return mongo.updateMulti(Query.query(Criteria.where("updatedAt").lt(Date.from(cutoff)).and("lastTurn").ne(null)),
                        new Update().unset("lastTurn").inc("version", 1L), COLLECTION).map(r -> r.getModifiedCount())
                .doFinally(signal -> forgetAll());
    }

    @Override
    public Map<String, List<Index>> secondaryIndexes() {
        return Map.of(COLLECTION, List.of(new Index().on("status", ASC).on("updatedAt", ASC),
                new Index().on("debtorId", ASC)));
    }

    /** The debtor's conversations keep their shape for the KPIs, under the pseudonym and without slots. */
    @Override
    public Mono<Map<String, Long>> erase(Erasure e) {
        return mongo.updateMulti(Query.query(Criteria.where("debtorId").is(e.debtorId())),
                        new Update().set("debtorId", e.pseudonym()).set("externalUserId", e.pseudonym())
                                .set("slots", new Document()).set("slotTypes", new Document()).unset("lastTurn")
                                .inc("version", 1L),
                        COLLECTION)
                .doFinally(signal -> forgetAll())
                .flatMap(r -> ErasureSweep.sweep(mongo, COLLECTION, e).map(n -> r.getModifiedCount() + n))
                .zipWith(ErasureSweep.sweep(mongo, POINTERS, e), (conversations, pointers) ->
                        ErasureSweep.counted(ErasureSweep.counted(Map.of(), COLLECTION, conversations), POINTERS, pointers))
                .doFinally(signal -> forgetAll());
    }

    @Override
    public Mono<Map<String, List<Document>>> export(String debtorId, List<String> conversationIds) {
        return mongo.find(Query.query(Criteria.where("debtorId").is(debtorId)), Document.class, COLLECTION)
                .collectList().map(list -> Map.of("conversations", list));
    }

    private static boolean isDuplicateKey(Throwable e) {
        return e instanceof com.mongodb.MongoWriteException w && w.getError().getCode() == 11000;
    }
}

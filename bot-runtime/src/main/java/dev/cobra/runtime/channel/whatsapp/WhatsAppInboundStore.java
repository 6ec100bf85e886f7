package dev.cobra.runtime.channel.whatsapp;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.cobra.runtime.persistence.CoalescingWriter;
import dev.cobra.runtime.persistence.CollectionOwner;
import dev.cobra.runtime.persistence.DebtorRecords;
import dev.cobra.runtime.persistence.ErasureSweep;
import dev.cobra.runtime.persistence.SecondaryIndexes;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Accepted inbound messages (collection {@value #COLLECTION}), keyed by {@code wamid}: inserting a message
 * Meta delivers again fails on the primary key, which is how duplicates are recognised, atomically and across
 * instances. A message stays {@code PENDING} until its turn ran, so messages accepted just before a crash are
 * processed after the restart.
 */
@CollectionOwner("whatsapp_inbound")
public class WhatsAppInboundStore implements DebtorRecords, SecondaryIndexes, dev.cobra.runtime.persistence.WorkQueues {

    private static final String COLLECTION = "whatsapp_inbound";

    static final String PENDING = "PENDING";
    static final String DONE = "DONE";
    static final String FAILED = "FAILED";

    private final ReactiveMongoTemplate mongo;
    /** Acceptances and "done" marks of concurrent webhooks and turns go out as one command each way. */
    private final CoalescingWriter writes;

    public WhatsAppInboundStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
        this.writes = new CoalescingWriter(mongo.getCollection(COLLECTION));
    }

    /** True when the message is new, false when it was already accepted (a redelivery). */
    public Mono<Boolean> accept(WhatsAppInbound message, Instant receivedAt) {
        Document document = new Document("_id", message.wamid())
                .append("phone", message.phone())
                .append("bsuid", message.bsuid())
                .append("type", message.type())
                .append("text", message.text())
                .append("optionId", message.optionId())
                .append("mediaId", message.mediaId())
                .append("mimeType", message.mimeType())
                .append("filename", message.filename())
                .append("sentAt", Date.from(message.sentAt()))
                .append("receivedAt", Date.from(receivedAt))
                .append("state", PENDING);
        return writes.insert(List.of(document)).thenReturn(Boolean.TRUE)
                .onErrorResume(DuplicateKeyException.class, duplicate -> Mono.just(Boolean.FALSE));
    }

    /**
     * Marks the message processed. Its text is dropped: the transcript ({@code messages}) is the record, written by
     * the turn with identity digits masked, so the raw body is kept only until its turn ran.
     */
    public Mono<Void> markDone(String wamid, String conversationId, Instant at) {
        return writes.updateOne(Filters.eq("_id", wamid), Updates.combine(Updates.set("state", DONE), Updates.unset("text"),
                Updates.set("conversationId", conversationId), Updates.set("processedAt", Date.from(at))));
    }

    public Mono<Void> markFailed(String wamid, String reason, Instant at) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(wamid)),
                new Update().set("state", FAILED).set("failure", reason).set("processedAt", Date.from(at)),
                COLLECTION).then();
    }

    public Flux<WhatsAppInbound> pending() {
        return mongo.find(Query.query(Criteria.where("state").is(PENDING)).with(Sort.by("sentAt", "receivedAt")),
                Document.class, COLLECTION).map(WhatsAppInboundStore::toInbound);
    }

    public Mono<Document> find(String wamid) {
        return mongo.findById(wamid, Document.class, COLLECTION);
    }

    private static WhatsAppInbound toInbound(Document doc) {
        return new WhatsAppInbound(doc.getString("_id"), doc.getString("phone"), doc.getString("bsuid"),
                doc.getString("type"), doc.getString("text"), doc.getString("optionId"), doc.getString("mediaId"),
                doc.getString("mimeType"), doc.getString("filename"), doc.getDate("sentAt").toInstant());
    }

    /** Whether a message from {@code sender} (phone or BSUID) arrived after {@code after}: a reply to what was sent. */
    public Mono<Boolean> receivedFromSince(String sender, Date after) {
        Query query = Query.query(new Criteria().orOperator(Criteria.where("phone").is(sender), Criteria.where("bsuid").is(sender))
                .and("receivedAt").gt(after));
        return mongo.exists(query, COLLECTION);
    }

    /** Retention: settled messages received before {@code cutoff} are deleted; how many. */
    public Mono<Long> deleteSettledBefore(Instant cutoff) {
        return mongo.remove(Query.query(Criteria.where("receivedAt").lt(Date.from(cutoff)).and("state").ne("PENDING")),
                COLLECTION).map(r -> r.getDeletedCount());
    }

    /** The messages not processed yet (resumed at start): an in-memory queue index on the embedded database. */
    @Override
    public Map<String, Queue> workQueues() {
        return Map.of(COLLECTION, new Queue("state", java.util.Set.of(PENDING)));
    }

    @Override
    public Map<String, List<Index>> secondaryIndexes() {
        return Map.of(COLLECTION, List.of(new Index().on("state", org.springframework.data.domain.Sort.Direction.ASC)
                .on("sentAt", org.springframework.data.domain.Sort.Direction.ASC)));
    }

    /** Inbound messages hold what the debtor wrote: they are deleted, not kept under the pseudonym. */
    @Override
    public Mono<Map<String, Long>> erase(Erasure e) {
        return mongo.remove(Query.query(new Criteria().orOperator(Criteria.where("phone").in(e.channelKeys()),
                        Criteria.where("bsuid").in(e.channelKeys()), Criteria.where("conversationId").in(e.conversationIds()))),
                        COLLECTION)
                .flatMap(r -> ErasureSweep.sweep(mongo, COLLECTION, e).map(n -> r.getDeletedCount() + n))
                .map(n -> ErasureSweep.counted(Map.of(), COLLECTION, n));
    }
}

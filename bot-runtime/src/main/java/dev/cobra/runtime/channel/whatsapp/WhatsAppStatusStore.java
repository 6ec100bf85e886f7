package dev.cobra.runtime.channel.whatsapp;

import dev.cobra.runtime.persistence.CollectionOwner;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Collection;
import java.util.Date;

/**
 * Delivery statuses of sent messages by {@code wamid} (collection {@value #COLLECTION}). Meta delivers them at
 * least once and in any order, possibly before the send's own response was recorded, so each update is one
 * order-independent upsert: every status keeps its own timestamp, and the current status is the highest rank
 * seen ({@code $max}): sent &lt; delivered &lt; read &lt; failed.
 *
 * <p>A status carrying {@code biz_opaque_callback_data} names the outbox entry it belongs to: any status means
 * Meta accepted the message, so that entry is settled as {@code SENT} with the status's wamid when it is still
 * in flight or in doubt after a crash ({@link WhatsAppOutbox#settleByStatus}); this is what makes the outbox
 * exactly-once across a crash.
 */
@CollectionOwner("whatsapp_message_status")
public class WhatsAppStatusStore {

    private static final String COLLECTION = "whatsapp_message_status";

    private static final String[] BY_RANK = {"unknown", "sent", "delivered", "read", "failed"};

    private static final Logger log = LoggerFactory.getLogger(WhatsAppStatusStore.class);

    private final ReactiveMongoTemplate mongo;
    private final WhatsAppOutbox outbox;

    public WhatsAppStatusStore(ReactiveMongoTemplate mongo) {
        this(mongo, new WhatsAppOutbox(mongo));
    }

    public WhatsAppStatusStore(ReactiveMongoTemplate mongo, WhatsAppOutbox outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
    }

    public Mono<Void> apply(WhatsAppStatusUpdate status) {
        if (status.rank() == 0) {
            return Mono.empty();
        }
        return record(status).then(settleOutbox(status));
    }

    private Mono<Void> settleOutbox(WhatsAppStatusUpdate status) {
        if (status.callbackData() == null) {
            return Mono.empty();
        }
        return outbox.settleByStatus(status.callbackData(), status.wamid(), status.recipientId(), status.at())
                .doOnNext(settlement -> {
                    if (settlement == WhatsAppOutbox.Settlement.SETTLED_IN_DOUBT) {
                        log.info("whatsapp.outbox.in-doubt.settled-by-status count=1");
                    } else if (settlement == WhatsAppOutbox.Settlement.SETTLED) {
                        log.debug("whatsapp.outbox.settled-by-status count=1");
                    }
                })
                .then();
    }

    private Mono<Void> record(WhatsAppStatusUpdate status) {
        Update update = new Update().max("rank", status.rank())
                .set(status.status() + "At", Date.from(status.at()));
        if (status.callbackData() != null && org.bson.types.ObjectId.isValid(status.callbackData())) {
            update.set("outboxId", status.callbackData()); // which outbox entry this wamid answers (tracing)
        }
        if (status.errorCode() != null) {
            update.set("errorCode", status.errorCode()).set("errorTitle", status.errorTitle());
        }
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(status.wamid())), update,
                FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION).then();
    }

    /** The current status name ({@code sent}, {@code delivered}, {@code read}, {@code failed}), or empty. */
    public Mono<String> currentStatus(String wamid) {
        return find(wamid).map(doc -> BY_RANK[doc.getInteger("rank", 0)]);
    }

    public Mono<Document> find(String wamid) {
        return mongo.findById(wamid, Document.class, COLLECTION);
    }

    /** The statuses of these messages (by wamid): the KPIs' read model. */
    public Flux<Document> findAll(Collection<String> wamids) {
        return mongo.find(Query.query(Criteria.where("_id").in(wamids)), Document.class, COLLECTION);
    }
}

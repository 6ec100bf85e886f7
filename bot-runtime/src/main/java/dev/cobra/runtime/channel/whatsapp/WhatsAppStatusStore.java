package dev.cobra.runtime.channel.whatsapp;

import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;

import java.util.Date;

/**
 * Delivery statuses of sent messages by {@code wamid} (collection {@value #COLLECTION}). Meta delivers them at
 * least once and in any order, possibly before the send's own response was recorded, so each update is one
 * order-independent upsert: every status keeps its own timestamp, and the current status is the highest rank
 * seen ({@code $max}): sent &lt; delivered &lt; read &lt; failed.
 */
public class WhatsAppStatusStore {

    public static final String COLLECTION = "whatsapp_message_status";

    private static final String[] BY_RANK = {"unknown", "sent", "delivered", "read", "failed"};

    private final ReactiveMongoTemplate mongo;

    public WhatsAppStatusStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<Void> apply(WhatsAppStatusUpdate status) {
        if (status.rank() == 0) {
            return Mono.empty();
        }
        Update update = new Update().max("rank", status.rank())
                .set(status.status() + "At", Date.from(status.at()));
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
}

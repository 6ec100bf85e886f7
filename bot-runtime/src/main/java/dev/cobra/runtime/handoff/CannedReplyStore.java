package dev.cobra.runtime.handoff;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.reactivestreams.client.MongoCollection;
import dev.cobra.runtime.persistence.CollectionOwner;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Comparator;
import java.util.Date;

/** Canned replies, collection {@code canned_replies} (one document per reply). */
@Component
@CollectionOwner("canned_replies")
class CannedReplyStore {

    private static final String COLLECTION = "canned_replies";

    private final Mono<MongoCollection<Document>> collection;

    CannedReplyStore(ReactiveMongoTemplate mongo) {
        this.collection = mongo.getCollection(COLLECTION).cache();
    }

    /** Every reply, by title. */
    Flux<CannedReply> all() {
        return collection.flatMapMany(c -> Flux.from(c.find())).map(CannedReplyStore::of)
                .sort(Comparator.comparing((CannedReply r) -> r.title().toLowerCase()).thenComparing(CannedReply::id));
    }

    Mono<CannedReply> find(String id) {
        return collection.flatMap(c -> Mono.from(c.find(Filters.eq("_id", id)).first())).map(CannedReplyStore::of);
    }

    /** Inserts or replaces the reply with this id. */
    Mono<CannedReply> save(CannedReply reply) {
        Document doc = new Document("_id", reply.id()).append("title", reply.title()).append("text", reply.text())
                .append("locale", reply.locale()).append("updatedBy", reply.updatedBy())
                .append("updatedAt", Date.from(reply.updatedAt()));
        return collection.flatMap(c -> Mono.from(c.replaceOne(Filters.eq("_id", reply.id()), doc,
                new ReplaceOptions().upsert(true)))).thenReturn(reply);
    }

    /** @return true when a reply was deleted */
    Mono<Boolean> delete(String id) {
        return collection.flatMap(c -> Mono.from(c.deleteOne(Filters.eq("_id", id)))).map(r -> r.getDeletedCount() > 0);
    }

    private static CannedReply of(Document doc) {
        Date at = doc.getDate("updatedAt");
        return new CannedReply(doc.getString("_id"), doc.getString("title"), doc.getString("text"),
                doc.getString("locale"), doc.getString("updatedBy"), at == null ? null : at.toInstant());
    }
}

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

import java.util.Date;

/** Agents' presence and skills, collection {@code agents} (one document per staff user, id = username). */
@Component
@CollectionOwner("agents")
class AgentDirectory {

    private static final String COLLECTION = "agents";

    private final Mono<MongoCollection<Document>> collection;

    AgentDirectory(ReactiveMongoTemplate mongo) {
        this.collection = mongo.getCollection(COLLECTION).cache();
    }

    Mono<AgentPresence> save(AgentPresence presence) {
        Document doc = new Document("_id", presence.username()).append("status", presence.status())
                .append("queues", presence.queues()).append("maxChats", presence.maxChats())
                .append("updatedAt", Date.from(presence.updatedAt()));
        return collection.flatMap(c -> Mono.from(c.replaceOne(Filters.eq("_id", presence.username()), doc,
                new ReplaceOptions().upsert(true)))).thenReturn(presence);
    }

    Mono<AgentPresence> find(String username) {
        return collection.flatMap(c -> Mono.from(c.find(Filters.eq("_id", username)).first())).map(AgentDirectory::of);
    }

    Flux<AgentPresence> available() {
        return collection.flatMapMany(c -> Flux.from(c.find(Filters.eq("status", AgentPresence.AVAILABLE))))
                .map(AgentDirectory::of);
    }

    /** Every agent who ever set a presence. */
    Flux<AgentPresence> all() {
        return collection.flatMapMany(c -> Flux.from(c.find())).map(AgentDirectory::of);
    }

    private static AgentPresence of(Document doc) {
        Object max = doc.get("maxChats");
        Date at = doc.getDate("updatedAt");
        return new AgentPresence(doc.getString("_id"), doc.getString("status"), doc.getList("queues", String.class),
                max instanceof Number n ? n.intValue() : 0, at == null ? null : at.toInstant());
    }
}

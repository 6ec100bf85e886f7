package dev.cobra.runtime.handoff;

import dev.cobra.runtime.persistence.CollectionOwner;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;

/**
 * Where an agent is in each chat ({@code agent_reads}, one document per conversation): the last message seq they
 * saw and when they last wrote. "My chats" counts unread messages and finds the debtors waiting for an answer
 * from it.
 */
@Component
@CollectionOwner("agent_reads")
class AgentReadMarks {

    private static final String COLLECTION = "agent_reads";

    /** One chat's mark. */
    record Mark(String conversationId, long seenSeq, Instant repliedAt) {
    }

    private final ReactiveMongoTemplate mongo;

    AgentReadMarks(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The agent saw the chat up to {@code seq} (never moves back). */
    Mono<Void> seen(String conversationId, String agent, long seq) {
        return mongo.upsert(Query.query(Criteria.where("_id").is(conversationId)),
                new Update().max("seenSeq", seq).set("agent", agent), COLLECTION).then();
    }

    /** The agent wrote message {@code seq} at {@code at}: everything before it is seen. */
    Mono<Void> replied(String conversationId, String agent, long seq, Instant at) {
        return mongo.upsert(Query.query(Criteria.where("_id").is(conversationId)),
                new Update().max("seenSeq", seq).set("agent", agent).set("repliedAt", Date.from(at)), COLLECTION).then();
    }

    Flux<Mark> of(Collection<String> conversationIds) {
        return mongo.find(Query.query(Criteria.where("_id").in(conversationIds)), Document.class, COLLECTION)
                .map(doc -> new Mark(doc.getString("_id"), doc.get("seenSeq") instanceof Number n ? n.longValue() : 0L,
                        doc.getDate("repliedAt") == null ? null : doc.getDate("repliedAt").toInstant()));
    }
}

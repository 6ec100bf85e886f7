package dev.cobra.runtime.handoff;

import dev.cobra.runtime.persistence.CollectionOwner;
import dev.cobra.runtime.persistence.DebtorRecords;
import dev.cobra.runtime.persistence.ErasureSweep;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.Map;

/** The audit of agents' outcomes ({@code agent_outcomes}): one insert-only record per release or close. */
@Component
@CollectionOwner("agent_outcomes")
class AgentOutcomeStore implements DebtorRecords {

    private static final String COLLECTION = "agent_outcomes";

    private final ReactiveMongoTemplate mongo;

    AgentOutcomeStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    Mono<Void> append(Document outcome) {
        return mongo.insert(outcome, COLLECTION).then();
    }

    /** The agents' notes are free text about the debtor: erased; the outcomes stay for the KPIs. */
    @Override
    public Mono<Map<String, Long>> erase(Erasure e) {
        return mongo.updateMulti(Query.query(Criteria.where("conversationId").in(e.conversationIds()).and("note").ne(null)),
                        new Update().set("note", ErasureSweep.ERASED), COLLECTION)
                .flatMap(r -> ErasureSweep.sweep(mongo, COLLECTION, e).map(n -> r.getModifiedCount() + n))
                .map(n -> ErasureSweep.counted(Map.of(), COLLECTION, n));
    }
}

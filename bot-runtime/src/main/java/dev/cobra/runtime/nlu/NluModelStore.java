package dev.cobra.runtime.nlu;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import dev.cobra.runtime.persistence.CollectionOwner;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * MongoDB storage of the NLU's mutable parts: designer-added examples ({@code nlu_examples}), trained model
 * versions with their bytes and scores ({@code nlu_models}), and which version is active plus the version
 * counter ({@code nlu_state}). Every write is one single-document atomic operation.
 */
@Component
@CollectionOwner({"nlu_examples", "nlu_models", "nlu_state"})
public class NluModelStore {

    private static final String EXAMPLES = "nlu_examples";
    private static final String MODELS = "nlu_models";
    private static final String STATE = "nlu_state";

    private final ReactiveMongoTemplate mongo;

    public NluModelStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** An example a designer added. */
    public record StoredExample(String id, String intent, String text, String addedBy, Instant addedAt) {
    }

    /** A trained model version (without its bytes). */
    public record ModelVersion(int version, Instant trainedAt, String trainedBy, double macroF1, int examples,
                               boolean accepted) {
    }

    private Mono<MongoCollection<Document>> collection(String name) {
        return mongo.getCollection(name);
    }

    public Mono<StoredExample> addExample(String intent, String text, String author, Instant now) {
        Document doc = new Document("_id", UUID.randomUUID().toString()).append("intent", intent).append("text", text)
                .append("addedBy", author).append("addedAt", Date.from(now));
        return collection(EXAMPLES).flatMap(c -> Mono.from(c.insertOne(doc))).thenReturn(toExample(doc));
    }

    public Flux<StoredExample> examples() {
        return collection(EXAMPLES).flatMapMany(c -> Flux.from(c.find().sort(Sorts.ascending("addedAt", "_id"))))
                .map(NluModelStore::toExample);
    }

    public Mono<Boolean> deleteExample(String id) {
        return collection(EXAMPLES).flatMap(c -> Mono.from(c.deleteOne(Filters.eq("_id", id))))
                .map(r -> r.getDeletedCount() > 0);
    }

    /** The next model version number (1, 2, ...), from an atomic counter. */
    public Mono<Integer> nextVersion() {
        FindOneAndUpdateOptions upsertAfter = new FindOneAndUpdateOptions().upsert(true)
                .returnDocument(ReturnDocument.AFTER);
        return collection(STATE)
                .flatMap(c -> Mono.from(c.findOneAndUpdate(Filters.eq("_id", "sequence"), Updates.inc("last", 1),
                        upsertAfter)))
                .map(d -> d.getInteger("last"));
    }

    public Mono<ModelVersion> saveModel(ModelVersion version, byte[] bytes) {
        Document doc = new Document("_id", version.version()).append("trainedAt", Date.from(version.trainedAt()))
                .append("trainedBy", version.trainedBy()).append("macroF1", version.macroF1())
                .append("examples", version.examples()).append("accepted", version.accepted())
                .append("bytes", new Binary(bytes));
        return collection(MODELS).flatMap(c -> Mono.from(c.insertOne(doc))).thenReturn(version);
    }

    public Flux<ModelVersion> models() {
        return collection(MODELS).flatMapMany(c -> Flux.from(c.find().projection(new Document("bytes", 0))
                .sort(Sorts.ascending("_id")))).map(NluModelStore::toVersion);
    }

    public Mono<byte[]> modelBytes(int version) {
        return collection(MODELS).flatMap(c -> Mono.from(c.find(Filters.eq("_id", version)).first()))
                .map(d -> d.get("bytes", Binary.class).getData());
    }

    public Mono<Integer> activeVersion() {
        return collection(STATE).flatMap(c -> Mono.from(c.find(Filters.eq("_id", "active")).first()))
                .map(d -> d.getInteger("version"));
    }

    public Mono<Void> setActiveVersion(int version) {
        return collection(STATE).flatMap(c -> Mono.from(c.updateOne(Filters.eq("_id", "active"),
                Updates.set("version", version), new UpdateOptions().upsert(true)))).then();
    }

    private static StoredExample toExample(Document d) {
        return new StoredExample(d.getString("_id"), d.getString("intent"), d.getString("text"),
                d.getString("addedBy"), d.getDate("addedAt").toInstant());
    }

    private static ModelVersion toVersion(Document d) {
        return new ModelVersion(d.getInteger("_id"), d.getDate("trainedAt").toInstant(), d.getString("trainedBy"),
                d.getDouble("macroF1"), d.getInteger("examples"), d.getBoolean("accepted"));
    }
}

package dev.cobra.runtime.persistence;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded database answers a concurrent read-modify-write the way MongoDB does: each
 * {@code findOneAndUpdate($inc)} sees its own result. Without the copy in {@link DurableH2Backend}, eight
 * concurrent increments of one counter returned a duplicate value in most rounds.
 */
class EmbeddedAtomicityTest {

    @TempDir
    static Path dataDir;

    private static TestDatabase database;

    @BeforeAll
    static void start() {
        database = TestDatabase.embedded(dataDir.resolve("cobra.mv"));
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @Test
    void concurrentIncrementsOfOneCounterEachReturnADistinctValue() {
        MongoCollection<Document> counters = database.template().getCollection("counters").block(Duration.ofSeconds(10));
        for (int round = 0; round < 30; round++) {
            String id = "counter-" + round;
            Mono.from(counters.insertOne(new Document("_id", id).append("n", 0))).block(Duration.ofSeconds(10));
            List<Integer> values = Flux.range(0, 8)
                    .flatMap(i -> Mono.from(counters.findOneAndUpdate(Filters.eq("_id", id), Updates.inc("n", 1),
                            new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))))
                    .map(doc -> doc.getInteger("n"))
                    .collectList().block(Duration.ofSeconds(30));
            assertThat(values).as("round %d", round).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8);
        }
    }
}

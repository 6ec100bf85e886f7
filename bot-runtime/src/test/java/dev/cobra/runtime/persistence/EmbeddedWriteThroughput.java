package dev.cobra.runtime.persistence;

import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.nio.file.Files;
import java.nio.file.Path;

import static com.mongodb.client.model.Filters.eq;

/**
 * Measures what per-write commits cost on the embedded database (numbers in docs/operator-guide.md, "Durability").
 * Not a test: run {@code main} with the test class path. Arguments: sequential writes, concurrent writes.
 */
public final class EmbeddedWriteThroughput {

    private EmbeddedWriteThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int sequential = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        int concurrent = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        for (int round = 0; round < 2; round++) { // the first round warms the JIT up
            for (boolean durable : new boolean[] {true, false}) {
                measure(durable, sequential, concurrent, round == 1);
            }
        }
    }

    private static void measure(boolean durable, int sequential, int concurrent, boolean print) throws Exception {
        Path dir = Files.createTempDirectory("cobra-throughput-");
        MongoServer server = new MongoServer(DurableH2Backend.open(dir.resolve("db.mv"), durable));
        server.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            MongoCollection<Document> conversations = client.getDatabase("cobra").getCollection("conversations");
            Mono.from(conversations.insertOne(new Document("_id", "c-1").append("version", 0))).block();

            long start = System.nanoTime();
            Flux.range(0, sequential)
                    .concatMap(i -> Mono.from(conversations.updateOne(eq("_id", "c-1"),
                            Updates.combine(Updates.set("step", "step-" + i), Updates.inc("version", 1)))))
                    .blockLast();
            double sequentialPerSecond = sequential / ((System.nanoTime() - start) / 1e9);

            start = System.nanoTime();
            Flux.range(0, concurrent)
                    .flatMap(i -> Mono.from(conversations.updateOne(eq("_id", "c-" + (i % 500)),
                            Updates.set("step", "s" + i), new UpdateOptions().upsert(true))), 32)
                    .blockLast();
            double concurrentPerSecond = concurrent / ((System.nanoTime() - start) / 1e9);
            if (print) {
                System.out.printf("durableWrites=%s sequential updates/s=%.0f concurrent upserts/s=%.0f%n", durable,
                        sequentialPerSecond, concurrentPerSecond);
            }
        } finally {
            server.shutdown();
        }
    }
}

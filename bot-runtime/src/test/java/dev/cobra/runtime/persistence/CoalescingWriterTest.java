package dev.cobra.runtime.persistence;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.dao.DuplicateKeyException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link CoalescingWriter} on the embedded database through the real driver: concurrent writes share commands,
 * every caller learns its own outcome (a duplicate fails only its caller), and a batch that fails as a whole fails
 * its callers without leaving the writer stuck.
 */
class CoalescingWriterTest {

    private static final Duration T = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private final AtomicInteger writeCommands = new AtomicInteger();
    private MongoServer server;
    private MongoClient client;

    private MongoCollection<Document> start(Path file, int port) {
        server = new MongoServer(DurableH2Backend.open(file, true));
        server.bind("127.0.0.1", port);
        if (client == null) {
            CommandListener counter = new CommandListener() {
                @Override
                public void commandStarted(CommandStartedEvent event) {
                    if (event.getCommandName().equals("insert") || event.getCommandName().equals("update")) {
                        writeCommands.incrementAndGet();
                    }
                }
            };
            client = MongoClients.create(MongoClientSettings.builder()
                    .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + server.getLocalAddress().getPort()))
                    .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(2, TimeUnit.SECONDS))
                    .applyToSocketSettings(socket -> socket.connectTimeout(1, TimeUnit.SECONDS))
                    .addCommandListener(counter).build());
        }
        return client.getDatabase("cobra").getCollection("things");
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.shutdown();
        }
    }

    @Test
    void concurrentWritesShareCommandsAndEachCallerSeesItsOwnWriteDone() {
        MongoCollection<Document> things = start(dir.resolve("c.mv"), 0);
        CoalescingWriter writer = new CoalescingWriter(Mono.just(things));
        int callers = 300;

        Flux.range(0, callers)
                .flatMap(i -> writer.insert(List.of(new Document("_id", "d" + i).append("n", i)))
                        // durable when it completes: this caller's own document is there already
                        .then(Mono.from(things.find(Filters.eq("_id", "d" + i)).first()))
                        .switchIfEmpty(Mono.error(new AssertionError("d" + i + " not stored when its insert completed"))),
                        callers)
                .then().block(T);
        int afterInserts = writeCommands.get();
        Flux.range(0, callers)
                .flatMap(i -> writer.updateOne(Filters.eq("_id", "d" + i), Updates.set("done", true)), callers)
                .then().block(T);
        int updates = writeCommands.get() - afterInserts;

        assertThat(Mono.from(things.countDocuments(Filters.eq("done", true))).block(T)).isEqualTo(callers);
        assertThat(afterInserts).as("insert commands for %d concurrent callers", callers).isLessThan(callers / 3);
        assertThat(updates).as("update commands for %d concurrent callers", callers).isLessThan(callers / 3);
    }

    @Test
    void aDuplicateFailsOnlyItsOwnCallerAndTheRestOfTheBatchIsStored() {
        MongoCollection<Document> things = start(dir.resolve("d.mv"), 0);
        Mono.from(things.insertOne(new Document("_id", "taken"))).block(T);
        CoalescingWriter writer = new CoalescingWriter(Mono.just(things));

        List<Mono<String>> outcomes = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            List<Document> docs = i == 17
                    ? List.of(new Document("_id", "mine-17"), new Document("_id", "taken"))
                    : List.of(new Document("_id", "a" + i), new Document("_id", "b" + i));
            outcomes.add(writer.insert(docs).thenReturn("ok")
                    .onErrorResume(DuplicateKeyException.class, duplicate -> Mono.just("duplicate")));
        }
        List<String> results = Flux.merge(outcomes).collectList().block(T);

        assertThat(results).hasSize(40).containsOnlyOnce("duplicate");
        assertThat(Mono.from(things.countDocuments()).block(T)).as("all but the duplicate stored").isEqualTo(1 + 79);
    }

    @Test
    void anOrderedBatchStopsAtADuplicateAndTheCallersAfterItAreSentAgainNotLost() {
        MongoCollection<Document> things = start(dir.resolve("o.mv"), 0);
        Mono.from(things.insertOne(new Document("_id", "taken"))).block(T);
        CoalescingWriter writer = new CoalescingWriter(Mono.just(things), true);

        List<Mono<String>> outcomes = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            List<Document> docs = i == 17
                    ? List.of(new Document("_id", "mine-17"), new Document("_id", "taken"), new Document("_id", "cut-17"))
                    : List.of(new Document("_id", "a" + i), new Document("_id", "b" + i));
            outcomes.add(writer.insert(docs).thenReturn("ok")
                    .onErrorResume(DuplicateKeyException.class, duplicate -> Mono.just("duplicate")));
        }
        List<String> results = Flux.merge(outcomes).collectList().block(T);

        assertThat(results).hasSize(40).containsOnlyOnce("duplicate");
        // the duplicate's own caller stops at it (ordered); every other caller's documents are stored
        assertThat(Mono.from(things.countDocuments()).block(T)).isEqualTo(1 + 1 + 78);
        assertThat(Mono.from(things.find(Filters.eq("_id", "cut-17")).first()).blockOptional(T)).isEmpty();
        assertThat(writeCommands.get()).as("batched").isLessThan(20);
    }

    @Test
    void aBatchThatFailsAsAWholeFailsItsCallersAndTheWriterGoesOnAfterwards() {
        Path file = dir.resolve("e.mv");
        MongoCollection<Document> things = start(file, 0);
        int port = server.getLocalAddress().getPort();
        CoalescingWriter writer = new CoalescingWriter(Mono.just(things));
        writer.insert(List.of(new Document("_id", "before"))).block(T);

        server.shutdown();
        assertThatThrownBy(() -> Flux.range(0, 5)
                .flatMap(i -> writer.updateOne(Filters.eq("_id", "before"), Updates.inc("n", 1)))
                .then().block(T)).as("the database is down").isInstanceOf(RuntimeException.class);

        start(file, port);
        writer.updateOne(Filters.eq("_id", "before"), Updates.set("after", true)).block(T);
        assertThat(Mono.from(things.find(Filters.eq("_id", "before")).first()).block(T).getBoolean("after")).isTrue();
    }
}

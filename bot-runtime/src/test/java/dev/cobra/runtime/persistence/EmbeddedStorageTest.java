package dev.cobra.runtime.persistence;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded database's own storage (EmbeddedDatabase): documents stored as BSON keep every value type across a
 * restart, files written by the plain H2 backend (Java-serialised documents) open and stay readable after being
 * rewritten, and queries naming one {@code _id} plus other conditions give the same answers as a scan.
 */
class EmbeddedStorageTest {

    @TempDir
    Path dir;

    @Test
    void everyValueTypeSurvivesARestartAndTheFileHoldsBsonNotJavaSerialisation() throws Exception {
        Path file = dir.resolve("cobra.mv");
        Document original = new Document("_id", "doc-1")
                .append("text", "Pagaré el viernes — ñandú")
                .append("int", 42).append("long", 1L << 40).append("double", 12.5)
                .append("decimal", new Decimal128(new BigDecimal("199000.55")))
                .append("bool", true).append("nothing", null)
                .append("date", new Date(1_790_000_000_000L))
                .append("objectId", new ObjectId("5f1d7a2b9c8e4a0012345678"))
                .append("binary", new Binary(new byte[] {1, 2, 3, (byte) 0xFF}))
                .append("list", List.of(1, "two", new Document("three", 3)))
                .append("nested", new Document("deeper", new Document("value", "x")));
        withDatabase(file, true, collection -> block(collection.insertOne(original)));

        withDatabase(file, true, collection -> {
            Document read = block(collection.find(Filters.eq("_id", "doc-1")).first());
            assertThat(read).isEqualTo(original);
        });
        byte[] bytes = Files.readAllBytes(file);
        // (the _id index map still stores its keys the H2 way; documents are what was costly)
        assertThat(indexOf(bytes, "de.bwaldvogel.mongo.bson.Document".getBytes()))
                .as("no Java-serialised document in the file").isEqualTo(-1);
        assertThat(indexOf(bytes, "ñandú".getBytes(java.nio.charset.StandardCharsets.UTF_8))).isNotEqualTo(-1);
    }

    @Test
    void aFileWrittenByThePlainH2BackendOpensAndStaysReadableAfterUpdates() {
        Path file = dir.resolve("old.mv");
        MVStore oldStore = new MVStore.Builder().fileName(file.toString()).open();
        withServer(new H2Backend(oldStore), collection -> {
            block(collection.createIndex(Indexes.ascending("code"), new IndexOptions().unique(true)));
            for (int i = 0; i < 50; i++) {
                block(collection.insertOne(new Document("_id", "d" + i).append("n", i).append("tag", "old")
                        .append("code", "C" + i)));
            }
        });
        oldStore.close();

        // Ids and unique values of several types and lengths, whose order as Java serialisations differs from
        // their order as BSON: the index maps must be rebuilt, or lookups miss.
        List<Object> mixedIds = new java.util.ArrayList<>();
        for (int i = 0; i < 400; i++) {
            mixedIds.add(switch (i % 4) {
                case 0 -> "x".repeat(1 + i % 300) + i;
                case 1 -> i * 1_000_003;
                case 2 -> (long) i << 33;
                default -> new ObjectId();
            });
        }
        MVStore oldAgain = new MVStore.Builder().fileName(file.toString()).open();
        withServer(new H2Backend(oldAgain), collection -> {
            for (Object id : mixedIds) {
                block(collection.insertOne(new Document("_id", id).append("code", id)));
            }
        });
        oldAgain.close();

        for (int start = 0; start < 2; start++) { // the first start rebuilds the index maps, the second reads them
            withDatabase(file, true, collection -> {
                for (Object id : mixedIds) {
                    assertThat(block(collection.find(Filters.eq("_id", id)).first())).as("by _id %s", id).isNotNull();
                    assertThat(block(collection.find(Filters.eq("code", id)).first())).as("by code %s", id).isNotNull();
                }
                assertThat(block(collection.find(Filters.eq("_id", "d33")).first()).getInteger("n")).isEqualTo(33);
                assertThat(block(collection.find(Filters.eq("code", "C41")).first()).getString("_id")).isEqualTo("d41");
                assertThatThrownBy(() -> block(collection.insertOne(new Document("_id", "d12"))))
                        .as("the _id index still refuses a duplicate").hasMessageContaining("E11000");
                assertThatThrownBy(() -> block(collection.insertOne(new Document("_id", "x").append("code", "C12"))))
                        .as("the unique index still refuses a duplicate").hasMessageContaining("E11000");
            });
        }

        withDatabase(file, true, collection -> {
            assertThat(block(collection.countDocuments())).isEqualTo(450L);
            block(collection.updateOne(Filters.eq("_id", "d7"), Updates.set("tag", "new")));
            block(collection.insertOne(new Document("_id", "d50").append("n", 50).append("tag", "new")));
        });
        withDatabase(file, true, collection -> {
            List<Document> all = Flux.from(collection.find()).collectList().block();
            assertThat(all).hasSize(451);
            assertThat(all).filteredOn(d -> "new".equals(d.getString("tag"))).extracting(d -> d.getString("_id"))
                    .containsExactlyInAnyOrder("d7", "d50");
            assertThat(all).filteredOn(d -> d.containsKey("n"))
                    .allSatisfy(d -> assertThat(d.getString("_id")).isEqualTo("d" + d.getInteger("n")));
        });
    }

    @Test
    void uniqueIndexesFindEveryKeyAndRefuseDuplicatesAcrossARestart() {
        Path file = dir.resolve("idx.mv");
        withDatabase(file, true, collection -> {
            block(collection.createIndex(Indexes.ascending("phone"), new IndexOptions().unique(true)));
            for (int i = 0; i < 2_000; i++) {
                Object id = i % 3 == 0 ? (Object) ("s" + i) : i % 3 == 1 ? (Object) i : new ObjectId();
                block(collection.insertOne(new Document("_id", id).append("phone", "+57300" + i).append("n", i)));
            }
        });
        withDatabase(file, true, collection -> {
            for (int i = 0; i < 2_000; i += 7) {
                Document byPhone = block(collection.find(Filters.eq("phone", "+57300" + i)).first());
                assertThat(byPhone.getInteger("n")).isEqualTo(i);
                assertThat(block(collection.find(Filters.eq("_id", byPhone.get("_id"))).first()).getInteger("n"))
                        .isEqualTo(i);
            }
            assertThat(block(collection.find(Filters.eq("_id", 4)).first()).getInteger("n")).isEqualTo(4);
            assertThatThrownBy(() -> block(collection.insertOne(new Document("_id", "s3"))))
                    .hasMessageContaining("E11000");
            assertThatThrownBy(() -> block(collection.insertOne(new Document("phone", "+573001999"))))
                    .hasMessageContaining("E11000");
            block(collection.deleteOne(Filters.eq("phone", "+573001999")));
            block(collection.insertOne(new Document("phone", "+573001999").append("n", -1)));
            assertThat(block(collection.find(Filters.eq("phone", "+573001999")).first()).getInteger("n")).isEqualTo(-1);
        });
    }

    @Test
    void aQueryNamingOneIdAndMoreConditionsMatchesLikeAScan() {
        withDatabase(dir.resolve("q.mv"), true, collection -> {
            for (int i = 0; i < 20; i++) {
                block(collection.insertOne(new Document("_id", "m" + i).append("status", "PENDING").append("n", i)));
            }
            block(collection.insertOne(new Document("_id", 7).append("status", "PENDING")));
            ObjectId oid = new ObjectId();
            block(collection.insertOne(new Document("_id", oid).append("status", "SENT")));
            FindOneAndUpdateOptions after = new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);

            Document claimed = block(collection.findOneAndUpdate(
                    Filters.and(Filters.eq("_id", "m3"), Filters.eq("status", "PENDING")),
                    Updates.set("status", "SENDING"), after));
            assertThat(claimed.getString("status")).isEqualTo("SENDING");
            Document again = block(collection.findOneAndUpdate(
                    Filters.and(Filters.eq("_id", "m3"), Filters.eq("status", "PENDING")),
                    Updates.set("status", "SENDING"), after));
            assertThat(again).as("the condition still applies to the document found by id").isNull();
            assertThat(block(collection.findOneAndUpdate(Filters.and(Filters.eq("_id", "nope"),
                    Filters.eq("status", "PENDING")), Updates.set("status", "X"), after))).isNull();

            assertThat(block(collection.countDocuments(Filters.and(Filters.eq("_id", oid), Filters.eq("status", "SENT")))))
                    .isEqualTo(1L);
            assertThat(block(collection.countDocuments(Filters.and(Filters.eq("_id", 7L), Filters.eq("status", "PENDING")))))
                    .as("numeric ids still compare across int and long (scan path)").isEqualTo(1L);
            assertThat(block(collection.countDocuments(Filters.and(Filters.in("_id", "m1", "m2", "m3"),
                    Filters.eq("status", "PENDING"))))).isEqualTo(2L);
            assertThat(block(collection.countDocuments(Filters.and(Filters.eq("_id", "m5"), Filters.gt("n", 4)))))
                    .isEqualTo(1L);
            assertThat(block(collection.countDocuments(Filters.and(Filters.eq("_id", "m5"), Filters.gt("n", 5)))))
                    .isEqualTo(0L);
        });
    }

    @Test
    void queueQueriesOnTheOutboxSeeEveryInsertUpdateAndDeleteAcrossARestart() {
        Path file = dir.resolve("queue.mv");
        java.util.Map<ObjectId, String> expected = new java.util.TreeMap<>();
        withQueueCollection(file, outbox -> {
            // Queried once before the writes, so the index is built early and then kept up to date write by write.
            assertThat(unsettled(outbox)).isEmpty();
            for (int i = 0; i < 300; i++) {
                ObjectId id = new ObjectId();
                block(outbox.insertOne(new Document("_id", id).append("status", "PENDING").append("n", i)));
                expected.put(id, "PENDING");
            }
            List<ObjectId> ids = List.copyOf(expected.keySet());
            for (int i = 0; i < 300; i += 3) {
                block(outbox.updateOne(Filters.eq("_id", ids.get(i)), Updates.set("status", "SENT")));
                expected.put(ids.get(i), "SENT");
            }
            for (int i = 1; i < 300; i += 5) {
                block(outbox.updateOne(Filters.and(Filters.eq("_id", ids.get(i)), Filters.eq("status", "PENDING")),
                        Updates.set("status", "SENDING")));
                expected.computeIfPresent(ids.get(i), (k, v) -> "PENDING".equals(v) ? "SENDING" : v);
            }
            for (int i = 2; i < 300; i += 7) {
                block(outbox.deleteOne(Filters.eq("_id", ids.get(i))));
                expected.remove(ids.get(i));
            }
            block(outbox.updateMany(Filters.eq("status", "SENDING"), Updates.set("status", "FAILED")));
            expected.replaceAll((k, v) -> "SENDING".equals(v) ? "FAILED" : v);
            assertThat(unsettled(outbox)).containsExactlyElementsOf(idsWith(expected, "PENDING"));
            assertThat(Flux.from(outbox.find(Filters.eq("status", "FAILED"))).count().block())
                    .isEqualTo(idsWith(expected, "FAILED").size());
        });
        withQueueCollection(file, outbox -> // built from the stored documents at the first query after a restart
                assertThat(unsettled(outbox)).containsExactlyElementsOf(idsWith(expected, "PENDING")));
    }

    private static List<Object> unsettled(MongoCollection<Document> outbox) {
        return Flux.from(outbox.find(Filters.in("status", "PENDING", "SENDING")).sort(new Document("_id", 1)))
                .map(d -> d.get("_id")).collectList().block();
    }

    private static List<ObjectId> idsWith(java.util.Map<ObjectId, String> statuses, String status) {
        return statuses.entrySet().stream().filter(e -> e.getValue().equals(status)).map(java.util.Map.Entry::getKey)
                .toList();
    }

    private static void withQueueCollection(Path file, Consumer<MongoCollection<Document>> body) {
        // The storage engine knows no collection: the queue is declared as its owner would (WorkQueues).
        DurableH2Backend backend = DurableH2Backend.open(file, true).workQueues(new EmbeddedQueues()
                .declare("work_items", new WorkQueues.Queue("status", java.util.Set.of("PENDING", "SENDING"))));
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            body.accept(client.getDatabase("cobra").getCollection("work_items"));
        } finally {
            server.shutdownNow();
            backend.close();
        }
    }

    @Test
    void theIdFastPathRecognisesOneIdAtTheTopOrInsideAnd() {
        de.bwaldvogel.mongo.bson.Document flat = new de.bwaldvogel.mongo.bson.Document("_id", "c1").append("v", 3);
        assertThat(EmbeddedCollection.singleId(flat)).isEqualTo("c1");
        de.bwaldvogel.mongo.bson.Document and = new de.bwaldvogel.mongo.bson.Document("$and", List.of(
                new de.bwaldvogel.mongo.bson.Document("_id", "c2"), new de.bwaldvogel.mongo.bson.Document("v", 3)));
        assertThat(EmbeddedCollection.singleId(and)).as("Filters.and renders $and").isEqualTo("c2");
        assertThat(EmbeddedCollection.singleId(new de.bwaldvogel.mongo.bson.Document("_id",
                new de.bwaldvogel.mongo.bson.Document("$in", List.of("a", "b"))))).isNull();
        assertThat(EmbeddedCollection.singleId(new de.bwaldvogel.mongo.bson.Document("_id", 7))).isNull();
        assertThat(EmbeddedCollection.singleId(new de.bwaldvogel.mongo.bson.Document("$or", List.of(
                new de.bwaldvogel.mongo.bson.Document("_id", "c3"))))).as("$or may match other ids").isNull();
    }

    private static void withDatabase(Path file, boolean durable, Consumer<MongoCollection<Document>> body) {
        DurableH2Backend backend = DurableH2Backend.open(file, durable);
        withServer(backend, body);
        backend.close();
    }

    private static void withServer(MongoBackend backend, Consumer<MongoCollection<Document>> body) {
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            body.accept(client.getDatabase("cobra").getCollection("things"));
        } finally {
            server.shutdownNow();
        }
    }

    private static <T> T block(org.reactivestreams.Publisher<T> publisher) {
        return Mono.from(publisher).block();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}

package dev.cobra.runtime.persistence;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acknowledged writes on the embedded database survive a crash ({@code kill -9}) and a restart. The crash is real:
 * the server runs in a child JVM that is killed with SIGKILL right after the last acknowledgement.
 */
class EmbeddedDatabaseDurabilityTest {

    private static final int WRITES = 200;

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedWriteSurvivesKillMinus9() throws Exception {
        Path file = dir.resolve("durable.mv");
        writeThenKill(file, true);
        assertThat(countAfterReopen(file)).isEqualTo(WRITES);
    }

    /** The control experiment: H2's default one-second commit delay loses what was acknowledged last. */
    @Test
    void withoutPerWriteCommitsAKillLosesRecentlyAcknowledgedWrites() throws Exception {
        Path file = dir.resolve("delayed.mv");
        writeThenKill(file, false);
        assertThat(countAfterReopen(file)).isLessThan(WRITES);
    }

    @Test
    void dataSurvivesACleanRestart() {
        Path file = dir.resolve("restart.mv");
        MongoServer server = start(file);
        try (MongoClient client = connect(server)) {
            Mono.from(client.getDatabase("cobra").getCollection("things")
                    .insertOne(new Document("_id", "kept").append("step", "main_menu"))).block();
        }
        server.shutdown();

        MongoServer restarted = start(file);
        try (MongoClient client = connect(restarted)) {
            Document found = Mono.from(client.getDatabase("cobra").getCollection("things").find().first()).block();
            assertThat(found).isNotNull();
            assertThat(found.getString("step")).isEqualTo("main_menu");
        } finally {
            restarted.shutdown();
        }
    }

    private static void writeThenKill(Path file, boolean durableWrites) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                EmbeddedServerProcess.class.getName(), file.toString(), String.valueOf(durableWrites))
                .redirectErrorStream(true)
                .start();
        try {
            int port = readPort(process);
            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
                var things = client.getDatabase("cobra").getCollection("things");
                // One acknowledged write after the other, as a conversation turn would do.
                Flux.range(0, WRITES)
                        .concatMap(i -> Mono.from(things.insertOne(new Document("_id", i))))
                        .blockLast();
                // Kill at once, before closing the client, so H2's background commit has no time to run.
                process.destroyForcibly();
            }
        } finally {
            process.destroyForcibly(); // SIGKILL: no shutdown hook, no final commit (again, if a write failed)
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
    }

    private static int readPort(Process process) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String line;
        while ((line = out.readLine()) != null && System.nanoTime() < deadline) {
            if (line.startsWith("PORT ")) {
                // Keep draining the child's output so it never blocks on a full pipe.
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }));
                drain.setDaemon(true);
                drain.start();
                return Integer.parseInt(line.substring(5).trim());
            }
        }
        throw new IllegalStateException("embedded server process did not report its port");
    }

    private static long countAfterReopen(Path file) {
        MongoServer server = start(file);
        try (MongoClient client = connect(server)) {
            return Mono.from(client.getDatabase("cobra").getCollection("things").countDocuments()).block();
        } finally {
            server.shutdown();
        }
    }

    private static MongoServer start(Path file) {
        MongoServer server = new MongoServer(DurableH2Backend.open(file, true));
        server.bind("127.0.0.1", 0);
        return server;
    }

    private static MongoClient connect(MongoServer server) {
        return MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
    }
}

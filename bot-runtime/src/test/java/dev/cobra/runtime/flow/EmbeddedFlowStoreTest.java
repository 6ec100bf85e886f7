package dev.cobra.runtime.flow;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import java.nio.file.Path;

/** The flow storage contract on the embedded wire server with the H2 file backend (always runs). */
class EmbeddedFlowStoreTest extends FlowStoreContract {

    @TempDir
    static Path dataDir;

    private static MongoServer server;
    private static MongoClient client;
    private static ReactiveMongoTemplate template;

    @BeforeAll
    static void start() {
        server = new MongoServer(new H2Backend(dataDir.resolve("flows.mv").toString()));
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        template = new ReactiveMongoTemplate(client, "cobra");
    }

    @AfterAll
    static void stop() {
        client.close();
        server.shutdown();
    }

    @Override
    protected ReactiveMongoTemplate template() {
        return template;
    }
}

package dev.cobra.runtime.conversation.state;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import java.net.InetSocketAddress;
import java.nio.file.Path;

/** The store contract on the embedded default: mongo-java-server with the H2 file backend, over TCP. */
class ConversationStoreEmbeddedTest extends ConversationStoreContract {

    @TempDir
    static Path dir;

    private static MongoServer server;
    private static MongoClient client;
    private static ReactiveMongoTemplate template;

    @BeforeAll
    static void start() {
        server = new MongoServer(new H2Backend(dir.resolve("store-test.mv").toString()));
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
        template = new ReactiveMongoTemplate(client, "cobra");
    }

    @AfterAll
    static void stop() {
        client.close();
        server.shutdown();
    }

    @Override
    ReactiveMongoTemplate mongo() {
        return template;
    }
}

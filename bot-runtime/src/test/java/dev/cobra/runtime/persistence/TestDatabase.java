package dev.cobra.runtime.persistence;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.SimpleReactiveMongoDatabaseFactory;

import java.nio.file.Path;

/**
 * A database for store contract tests, reached through the real reactive driver over TCP: either the embedded
 * default exactly as production runs it (mongo-java-server on the durable H2 file backend) or a real MongoDB
 * (Testcontainers).
 */
public final class TestDatabase implements AutoCloseable {

    private final MongoServer server;
    private final MongoClient client;
    private final ReactiveMongoTemplate template;

    private TestDatabase(MongoServer server, String connectionString) {
        this.server = server;
        this.client = MongoClients.create(connectionString);
        // the runtime's converter, so stores are tested with the id handling they run with
        this.template = new ReactiveMongoTemplate(new SimpleReactiveMongoDatabaseFactory(client, "cobra"),
                LiteralIdConverter.standalone());
    }

    /** The embedded wire server on a database file, as the runtime starts it when no MongoDB URI is set. */
    public static TestDatabase embedded(Path file) {
        MongoServer server = new MongoServer(DurableH2Backend.open(file, true));
        server.bind("127.0.0.1", 0);
        return new TestDatabase(server, "mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
    }

    /** A real MongoDB, e.g. {@code MongoDBContainer.getConnectionString()}. */
    public static TestDatabase external(String connectionString) {
        return new TestDatabase(null, connectionString);
    }

    public ReactiveMongoTemplate template() {
        return template;
    }

    @Override
    public void close() {
        client.close();
        if (server != null) {
            server.shutdown();
        }
    }
}

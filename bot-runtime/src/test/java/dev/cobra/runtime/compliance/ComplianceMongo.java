package dev.cobra.runtime.compliance;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** The embedded MongoDB wire server in memory, reached through the real reactive driver. */
final class ComplianceMongo implements AutoCloseable {

    private final MongoServer server;
    private final MongoClient client;
    final ReactiveMongoTemplate template;

    ComplianceMongo() {
        server = new MongoServer(H2Backend.inMemory());
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        template = new ReactiveMongoTemplate(client, "compliance_test");
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}

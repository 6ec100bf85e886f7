package dev.cobra.runtime.channel.whatsapp;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import java.net.InetSocketAddress;

/** The embedded MongoDB wire server with an in-memory H2 store, reached through the real reactive driver. */
final class InMemoryMongo implements AutoCloseable {

    private final MongoServer server;
    private final MongoClient client;
    final ReactiveMongoTemplate template;

    InMemoryMongo() {
        server = new MongoServer(H2Backend.inMemory());
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
        template = new ReactiveMongoTemplate(client, "whatsapp_test");
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}

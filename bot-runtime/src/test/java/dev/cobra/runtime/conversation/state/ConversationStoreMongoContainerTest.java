package dev.cobra.runtime.conversation.state;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The store contract on a real MongoDB; skipped (reported as skipped) where no Docker engine is available. */
@Testcontainers(disabledWithoutDocker = true)
class ConversationStoreMongoContainerTest extends ConversationStoreContract {

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:7.0");

    private static MongoClient client;
    private static ReactiveMongoTemplate template;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(MONGO.getConnectionString());
        template = new ReactiveMongoTemplate(client, "cobra");
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Override
    ReactiveMongoTemplate mongo() {
        return template;
    }
}

package dev.cobra.runtime.conversation.state;

import dev.cobra.runtime.persistence.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The store contract on a real MongoDB; reported as skipped when no Docker engine is available. */
@Testcontainers(disabledWithoutDocker = true)
class ConversationStoreMongoContainerTest extends ConversationStoreContract {

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:7.0");

    private static TestDatabase database;

    @BeforeAll
    static void connect() {
        database = TestDatabase.external(MONGO.getConnectionString());
    }

    @AfterAll
    static void close() {
        if (database != null) {
            database.close();
        }
    }

    @Override
    ReactiveMongoTemplate mongo() {
        return database.template();
    }
}

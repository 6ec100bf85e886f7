package dev.cobra.runtime.conversation.state;

import dev.cobra.runtime.persistence.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import java.nio.file.Path;

/** The store contract on the embedded default: mongo-java-server with the durable H2 file backend, over TCP. */
class ConversationStoreEmbeddedTest extends ConversationStoreContract {

    @TempDir
    static Path dataDir;

    private static TestDatabase database;

    @BeforeAll
    static void start() {
        database = TestDatabase.embedded(dataDir.resolve("cobra.mv"));
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @Override
    ReactiveMongoTemplate mongo() {
        return database.template();
    }
}

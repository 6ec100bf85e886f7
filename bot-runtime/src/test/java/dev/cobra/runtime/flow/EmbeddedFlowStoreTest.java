package dev.cobra.runtime.flow;

import dev.cobra.runtime.persistence.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import java.nio.file.Path;

/** The flow storage contract on the embedded wire server with the durable H2 file backend (always runs). */
class EmbeddedFlowStoreTest extends FlowStoreContract {

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
    protected ReactiveMongoTemplate template() {
        return database.template();
    }
}

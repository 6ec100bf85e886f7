package dev.cobra.runtime.persistence;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The repository contract on a real MongoDB in a container. Without a Docker engine the whole class is reported as
 * skipped ("disabledWithoutDocker"), never silently passed.
 */
@Testcontainers(disabledWithoutDocker = true)
class MongoContainerDebtorDirectoryTest extends DebtorDirectoryContract {

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
        if (client != null) {
            client.close();
        }
    }

    @Override
    protected ReactiveMongoTemplate template() {
        return template;
    }
}

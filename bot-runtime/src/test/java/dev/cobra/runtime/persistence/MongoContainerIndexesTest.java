package dev.cobra.runtime.persistence;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import reactor.core.publisher.Flux;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a real MongoDB the runtime creates, at start, the indexes its turn pipeline and sweeps query by
 * (docs/deployment.md); reported as skipped when no Docker engine is available.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest
class MongoContainerIndexesTest {

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:7.0");

    @DynamicPropertySource
    static void realMongo(DynamicPropertyRegistry registry) throws Exception {
        registry.add("spring.data.mongodb.uri", () -> MONGO.getReplicaSetUrl("cobra"));
        registry.add("bot.data-dir", () -> tempDir());
        registry.add("bot.demo.enabled", () -> "false");
        registry.add("bot.admin.password", () -> "test-admin");
    }

    private static String tempDir() {
        try {
            return Files.createTempDirectory("cobra-indexes-").toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Autowired
    org.springframework.data.mongodb.core.ReactiveMongoTemplate mongo;

    @Autowired
    List<SecondaryIndexes> owners;

    @Test
    void theTurnPipelineIndexesExistAfterStart() {
        try (MongoClient client = MongoClients.create(MONGO.getConnectionString())) {
            List<java.util.Map.Entry<String, org.springframework.data.mongodb.core.index.Index>> declared = owners.stream()
                    .flatMap(o -> o.secondaryIndexes().entrySet().stream())
                    .flatMap(e -> e.getValue().stream().map(i -> java.util.Map.entry(e.getKey(), i))).toList();
            assertThat(declared).extracting(java.util.Map.Entry::getKey)
                    .contains("messages", "conversations", "whatsapp_inbound", "whatsapp_outbox", "promises", "debtors");
            for (var expected : declared) {
                List<Document> keys = Flux.from(client.getDatabase(mongo.getMongoDatabase().block().getName())
                                .getCollection(expected.getKey()).listIndexes())
                        .map(index -> index.get("key", Document.class)).collectList().block(Duration.ofSeconds(20));
                assertThat(keys).as("indexes of %s", expected.getKey())
                        .contains(new Document(expected.getValue().getIndexKeys()));
            }
        }
    }
}

package dev.cobra.runtime.simulator;

import dev.cobra.runtime.persistence.CollectionOwner;
import org.bson.Document;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Conversation tests per flow: the ones shipped with the product ({@code classpath:flow-tests/<flow>/*.yaml},
 * read only, ids {@code shipped:<file name>}) and the ones designers save (collection {@value #COLLECTION}).
 */
@Component
@CollectionOwner("flow_tests")
public class ConversationTestStore {

    private static final String COLLECTION = "flow_tests";
    static final String SHIPPED_PREFIX = "shipped:";

    /** A stored or shipped test. */
    public record StoredTest(String id, String flowId, String name, String yaml, boolean shipped, Instant createdAt,
                             String createdBy) {
    }

    private final ReactiveMongoTemplate mongo;

    public ConversationTestStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Flux<StoredTest> list(String flowId) {
        Flux<StoredTest> saved = mongo.find(Query.query(Criteria.where("flowId").is(flowId)).with(Sort.by("createdAt")),
                Document.class, COLLECTION).map(ConversationTestStore::toTest);
        return Flux.fromIterable(shipped(flowId)).concatWith(saved);
    }

    public Mono<StoredTest> save(String flowId, String name, String yaml, String author) {
        Document doc = new Document("_id", UUID.randomUUID().toString()).append("flowId", flowId).append("name", name)
                .append("yaml", yaml).append("createdAt", new Date()).append("createdBy", author);
        return mongo.insert(doc, COLLECTION).map(ConversationTestStore::toTest);
    }

    /** @return true when a saved test was deleted (shipped ones cannot be) */
    public Mono<Boolean> delete(String flowId, String id) {
        return mongo.remove(Query.query(Criteria.where("_id").is(id).and("flowId").is(flowId)), COLLECTION)
                .map(result -> result.getDeletedCount() > 0);
    }

    static List<StoredTest> shipped(String flowId) {
        List<StoredTest> tests = new ArrayList<>();
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:flow-tests/" + flowId + "/*.yaml");
            for (Resource resource : resources) {
                String file = resource.getFilename();
                String name = file == null ? "test" : file.replaceFirst("\\.yaml$", "");
                String yaml = new String(resource.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                tests.add(new StoredTest(SHIPPED_PREFIX + name, flowId, name, yaml, true, null, null));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        tests.sort(java.util.Comparator.comparing(StoredTest::name));
        return tests;
    }

    private static StoredTest toTest(Document doc) {
        Date created = doc.getDate("createdAt");
        return new StoredTest(doc.getString("_id"), doc.getString("flowId"), doc.getString("name"), doc.getString("yaml"),
                false, created == null ? null : created.toInstant(), doc.getString("createdBy"));
    }
}

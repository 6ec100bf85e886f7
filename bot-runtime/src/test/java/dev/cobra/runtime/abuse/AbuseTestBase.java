package dev.cobra.runtime.abuse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cobra.runtime.channel.whatsapp.FakeGraphApi;
import dev.cobra.runtime.config.IsolatedRuntime;
import dev.cobra.runtime.conversation.WebchatDriver;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One running Cobra shared by the abuse-resistance tests (issue 16): every subclass inherits the same settings, so
 * Spring starts the context once for all of them. Each test uses debtors of its own (ids from {@link #unique}).
 */
@AutoConfigureWebTestClient(timeout = "PT30S")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bot.public-url=https://cobra.example",
        "bot.security.staff-origins=https://staff.example",
        "whatsapp.app-secret=" + AbuseTestBase.APP_SECRET, "whatsapp.verify-token=abuse-verify",
        "whatsapp.access-token=test-token", "whatsapp.phone-number-id=PNID", "whatsapp.outbox.poll-interval=PT0.05S"})
public abstract class AbuseTestBase {

    static final String APP_SECRET = "abuse-secret";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    static FakeGraphApi graph;

    @DynamicPropertySource
    static void isolated(DynamicPropertyRegistry registry) {
        IsolatedRuntime.register(registry);
        registry.add("whatsapp.graph-api-url", () -> graph().baseUrl());
    }

    static synchronized FakeGraphApi graph() {
        if (graph == null) {
            try {
                graph = new FakeGraphApi();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return graph;
    }

    @Autowired
    WebTestClient web;

    @Autowired
    ReactiveMongoTemplate mongo;

    WebchatDriver driver;

    @BeforeEach
    void driver() {
        web = web.mutate().responseTimeout(WebchatDriver.RESPONSE_TIMEOUT).build();
        driver = new WebchatDriver(web);
    }

    static String unique(String prefix) {
        return prefix + "-" + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet();
    }

    /** A debtor of the shared test design, 10 days past due, with the document digits 1234. */
    String debtor(String prefix, Map<String, Object> overrides) {
        String id = unique(prefix);
        driver.loadDebtor(WebchatDriver.defaultDebtor(id, WebchatDriver.today(), overrides));
        return id;
    }

    /** Documents of a collection where {@code field} equals {@code value}, read straight from the database. */
    List<org.bson.Document> stored(String collection, String field, Object value) {
        return mongo.find(org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where(field).is(value)),
                org.bson.Document.class, collection).collectList().block(java.time.Duration.ofSeconds(30));
    }
}

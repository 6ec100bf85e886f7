package dev.cobra.runtime.persistence;

import de.bwaldvogel.mongo.MongoServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.springframework.data.domain.Sort.Direction.ASC;

/**
 * Creates the platform's secondary indexes at start, before traffic (idempotent). The embedded server does not
 * implement secondary indexes (it would only log a warning per index), so they are created on a real MongoDB only.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseIndexes implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DatabaseIndexes.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final MongoDebtorDirectory debtors;
    private final ObjectProvider<MongoServer> embeddedServer;
    private final ReactiveMongoTemplate mongo;

    DatabaseIndexes(MongoDebtorDirectory debtors, ObjectProvider<MongoServer> embeddedServer, ReactiveMongoTemplate mongo) {
        this.debtors = debtors;
        this.embeddedServer = embeddedServer;
        this.mongo = mongo;
    }

    /** The hot-path queries of the turn pipeline and the sweeps (docs/deployment.md, "Indexes"). */
    static List<Map.Entry<String, Index>> turnPipelineIndexes() {
        return List.of(
                Map.entry("messages", new Index().on("conversationId", ASC).on("seq", ASC)),
                Map.entry("conversations", new Index().on("status", ASC).on("updatedAt", ASC)),
                Map.entry("conversations", new Index().on("debtorId", ASC)),
                Map.entry("whatsapp_inbound", new Index().on("state", ASC).on("sentAt", ASC)),
                Map.entry("whatsapp_outbox", new Index().on("status", ASC).on("_id", ASC)),
                Map.entry("whatsapp_outbox", new Index().on("to", ASC).on("_id", ASC)),
                Map.entry("whatsapp_outbox", new Index().on("delivery", ASC).sparse()),
                Map.entry("promises", new Index().on("debtorId", ASC).on("status", ASC)));
    }

    @Override
    public void run(ApplicationArguments args) {
        if (embeddedServer.getIfAvailable() != null) {
            log.debug("mongo.indexes.skipped reason=embedded server has no secondary indexes");
            return;
        }
        debtors.ensureIndexes().block(TIMEOUT);
        log.info("mongo.indexes.ensured collection={}", MongoDebtorDirectory.COLLECTION);
        Flux.fromIterable(turnPipelineIndexes())
                .concatMap(entry -> mongo.indexOps(entry.getKey()).ensureIndex(entry.getValue()))
                .then().block(TIMEOUT);
        log.info("mongo.indexes.ensured collections=messages,conversations,whatsapp_inbound,whatsapp_outbox,promises");
    }
}

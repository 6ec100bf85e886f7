package dev.cobra.runtime.persistence;

import de.bwaldvogel.mongo.MongoServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.time.Duration;

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

    DatabaseIndexes(MongoDebtorDirectory debtors, ObjectProvider<MongoServer> embeddedServer) {
        this.debtors = debtors;
        this.embeddedServer = embeddedServer;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (embeddedServer.getIfAvailable() != null) {
            log.debug("mongo.indexes.skipped reason=embedded server has no secondary indexes");
            return;
        }
        debtors.ensureIndexes().block(TIMEOUT);
        log.info("mongo.indexes.ensured collection={}", MongoDebtorDirectory.COLLECTION);
    }
}

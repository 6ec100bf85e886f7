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
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.util.List;

/**
 * Creates the secondary indexes every collection owner declares ({@link SecondaryIndexes}) at start, before
 * traffic (idempotent). The embedded server does not implement secondary indexes (it would only log a warning per
 * index), so they are created on a real MongoDB only.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseIndexes implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DatabaseIndexes.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final List<SecondaryIndexes> owners;
    private final ObjectProvider<MongoServer> embeddedServer;
    private final ReactiveMongoTemplate mongo;

    DatabaseIndexes(List<SecondaryIndexes> owners, ObjectProvider<MongoServer> embeddedServer, ReactiveMongoTemplate mongo) {
        this.owners = owners;
        this.embeddedServer = embeddedServer;
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (embeddedServer.getIfAvailable() != null) {
            log.debug("mongo.indexes.skipped reason=embedded server has no secondary indexes");
            return;
        }
        Flux.fromIterable(owners)
                .concatMapIterable(owner -> owner.secondaryIndexes().entrySet())
                .concatMap(entry -> Flux.fromIterable(entry.getValue())
                        .concatMap(index -> mongo.indexOps(entry.getKey()).ensureIndex(index))
                        .then(reactor.core.publisher.Mono.fromRunnable(
                                () -> log.info("mongo.indexes.ensured collection={}", entry.getKey()))))
                .then().block(TIMEOUT);
    }
}

package dev.cobra.runtime.persistence;

import org.bson.Document;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.ReactiveHealthIndicator;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * Database health by {@code ping}. Spring Boot's own Mongo indicator sends {@code hello}, which the embedded
 * wire server does not implement, so it is switched off ({@code management.health.mongo.enabled=false}).
 */
@Component("database")
class DatabaseHealthIndicator implements ReactiveHealthIndicator {

    /** Health checks must answer quickly even when the database hangs. */
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final ReactiveMongoTemplate mongo;

    DatabaseHealthIndicator(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Mono<Health> health() {
        return mongo.executeCommand(new Document("ping", 1))
                .timeout(TIMEOUT)
                .map(result -> Health.up().build())
                .onErrorResume(e -> Mono.just(Health.down().withDetail("error", e.getClass().getSimpleName()).build()));
    }
}

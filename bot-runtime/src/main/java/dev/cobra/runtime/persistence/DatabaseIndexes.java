package dev.cobra.runtime.persistence;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.time.Duration;

/** Creates the platform's indexes at start, before traffic (idempotent). */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseIndexes implements ApplicationRunner {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final MongoDebtorDirectory debtors;

    DatabaseIndexes(MongoDebtorDirectory debtors) {
        this.debtors = debtors;
    }

    @Override
    public void run(ApplicationArguments args) {
        debtors.ensureIndexes().block(TIMEOUT);
    }
}

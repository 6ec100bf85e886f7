package dev.cobra.runtime.flow;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Loads the shipped flows at start, so the first conversation does not pay for it. The catalog also waits
 * for this on first use, so a request that arrives earlier is still correct.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ShippedFlowLoader implements ApplicationRunner {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final MongoFlowStore store;

    ShippedFlowLoader(MongoFlowStore store) {
        this.store = store;
    }

    @Override
    public void run(ApplicationArguments args) {
        store.ready().block(TIMEOUT);
    }
}

package dev.cobra.runtime.collections;

import dev.cobra.runtime.config.IsolatedRuntime;
import dev.cobra.runtime.conversation.WebchatDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * One running application shared by the operations API tests (plan bounds, payment links, creditor webhooks):
 * the same settings make Spring reuse the context, so the machine boots it once. Webhook rounds are fast here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bot.webhooks.poll-interval=PT0.1S", "bot.webhooks.retry-base=PT0.3S", "bot.webhooks.max-attempts=3"})
public abstract class OperationsRuntimeTest {

    @DynamicPropertySource
    static void isolated(DynamicPropertyRegistry registry) {
        IsolatedRuntime.register(registry);
    }

    @Autowired
    protected WebTestClient client;

    protected WebchatDriver chat() {
        return new WebchatDriver(client);
    }
}

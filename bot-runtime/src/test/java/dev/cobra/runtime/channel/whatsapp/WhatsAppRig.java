package dev.cobra.runtime.channel.whatsapp;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cobra.runtime.debtor.DebtorDirectory;
import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.web.reactive.function.client.WebClient;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/** The channel's parts wired by hand over an in-memory database and a fake Graph API: fast and independent. */
final class WhatsAppRig implements AutoCloseable {

    static final String SECRET = "test-secret";

    final InMemoryMongo mongo = new InMemoryMongo();
    final FakeGraphApi graph;
    final ObjectMapper json = new ObjectMapper().findAndRegisterModules();
    final WhatsAppProperties properties;
    final WhatsAppOutbox outbox;
    final WhatsAppStatusStore statuses;
    final GraphMessages graphMessages;
    final Clock clock = Clock.systemUTC();
    OutboxSender sender;
    WhatsAppOutboundChannel channel;

    WhatsAppRig(int concurrency, String windowTemplate) throws Exception {
        graph = new FakeGraphApi();
        properties = new WhatsAppProperties(SECRET, "verify-me", "test-token", "PNID", graph.baseUrl(), 1000,
                Duration.ZERO, 5, Duration.ofMillis(20), Duration.ofMillis(200), concurrency, windowTemplate, "es",
                null, "WABA1");
        outbox = new WhatsAppOutbox(mongo.template);
        statuses = new WhatsAppStatusStore(mongo.template);
        graphMessages = new GraphMessages(json);
        sender = newSender();
        channel = new WhatsAppOutboundChannel(outbox, graphMessages, properties, debtors(null), () -> sender.wake(),
                clock);
    }

    OutboxSender newSender() {
        return newSender(Duration.ZERO);
    }

    OutboxSender newSender(Duration claimTimeout) {
        return new OutboxSender(outbox, properties, WebClient.builder(), json, clock, Duration.ofMillis(20),
                claimTimeout);
    }

    OutboxSender newSender(Duration claimTimeout, Duration inDoubtGrace) {
        OutboxSender created = newSender(claimTimeout);
        created.inDoubtGrace(inDoubtGrace);
        return created;
    }

    /**
     * The fake Graph API posts Meta's signed status webhooks back; they are checked and applied here as the webhook
     * endpoint does (signature on the raw bytes, then every status to the status store).
     */
    void statusWebhooks(String... statuses) {
        WebhookPayloadParser parser = new WebhookPayloadParser(json);
        graph.statusWebhooks(SECRET, (body, signature) -> {
            if (!WebhookSignature.isValid(SECRET, body, signature)) {
                return 401;
            }
            for (WhatsAppStatusUpdate status : parser.parse(body).statuses()) {
                this.statuses.apply(status).block(Duration.ofSeconds(10));
            }
            return 200;
        }, statuses);
    }

    static <T> ObjectProvider<T> beans(Class<T> type, T bean) {
        StaticListableBeanFactory factory = new StaticListableBeanFactory();
        if (bean != null) {
            factory.addBean(type.getSimpleName(), bean);
        }
        return factory.getBeanProvider(type);
    }

    static ObjectProvider<DebtorDirectory> debtors(DebtorDirectory directory) {
        StaticListableBeanFactory factory = new StaticListableBeanFactory();
        if (directory != null) {
            factory.addBean("debtors", directory);
        }
        return factory.getBeanProvider(DebtorDirectory.class);
    }

    List<Document> outboxFor(String to) {
        return outbox.findByRecipient(to).collectList().block(Duration.ofSeconds(10));
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() {
        sender.stop();
        graph.close();
        mongo.close();
    }
}

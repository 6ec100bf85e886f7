package dev.cobra.runtime.channel.whatsapp;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cobra.runtime.compliance.ContactAttempt;
import dev.cobra.runtime.compliance.ContactDecision;
import dev.cobra.runtime.compliance.ContactPolicy;
import dev.cobra.runtime.debtor.Debtor;
import dev.cobra.runtime.debtor.DebtorDirectory;
import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
        channel = channel(null, null);
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

    /** The given portfolio, or an empty one. */
    static DebtorDirectory debtors(DebtorDirectory directory) {
        return directory != null ? directory : new DebtorDirectory() {
            @Override
            public Mono<Debtor> findById(String debtorId) {
                return Mono.empty();
            }

            @Override
            public Mono<Debtor> findByPhone(String phone) {
                return Mono.empty();
            }

            @Override
            public Mono<Debtor> findByBsuid(String bsuid) {
                return Mono.empty();
            }

            @Override
            public Mono<Void> linkBsuid(String debtorId, String bsuid) {
                return Mono.empty();
            }

            @Override
            public Mono<Boolean> verifyDocument(String debtorId, String digits) {
                return Mono.just(false);
            }

            @Override
            public Mono<Void> optOut(String debtorId, String channel, Instant at) {
                return Mono.empty();
            }

            @Override
            public Mono<Void> flagWrongParty(String debtorId, Instant at) {
                return Mono.empty();
            }
        };
    }

    /**
     * A contact policy for the channel's own tests: refuses an opted-out debtor and allows everything else, so these
     * tests do not depend on today's country rules (the policy itself is tested in the compliance package).
     */
    static ContactPolicy optOutOnly(DebtorDirectory directory) {
        return new ContactPolicy() {
            @Override
            public Mono<ContactDecision> decide(String debtorId, String channel, Instant at) {
                return directory.findById(debtorId).map(d -> d.optedOut() ? ContactDecision.block("opted_out", null)
                        : ContactDecision.allow()).defaultIfEmpty(ContactDecision.allow());
            }

            @Override
            public Mono<ContactDecision> attempt(ContactAttempt attempt) {
                return decide(attempt.debtorId(), attempt.channel(), attempt.at());
            }
        };
    }

    /** The channel over this portfolio, with the opt-out-only policy. */
    WhatsAppOutboundChannel channel(DebtorDirectory directory, WindowTemplateSource flowTemplates) {
        DebtorDirectory debtors = debtors(directory);
        return new WhatsAppOutboundChannel(outbox, graphMessages, properties, debtors, () -> sender.wake(), clock,
                optOutOnly(debtors), flowTemplates);
    }

    List<Document> outboxFor(String to) {
        return outbox.findByRecipient(to).collectList().block(Duration.ofSeconds(10));
    }

    /**
     * Starts {@code sender} as the only sender of this outbox and waits for its first drain pass: that pass tells it
     * what waits in the outbox, and until then every message is queued instead of sent from memory.
     */
    OutboxSender startSoleSender(OutboxSender sender) throws InterruptedException {
        sender.soleSender(true);
        sender.start();
        java.util.concurrent.atomic.AtomicInteger probes = new java.util.concurrent.atomic.AtomicInteger();
        await("first drain pass", Duration.ofSeconds(10), () -> {
            String to = "probe" + probes.incrementAndGet(); // a probe queued before that pass stays queued
            outbox.enqueue(List.of(WhatsAppOutbox.newMessage(to, "c0", null, "text", "{\"to\":\"" + to + "\"}",
                    Instant.now()))).block(Duration.ofSeconds(5));
            java.util.concurrent.locks.LockSupport.parkNanos(50_000_000L);
            return graph.messages.stream().anyMatch(m -> to.equals(m.body().path("to").asText()));
        });
        return sender;
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

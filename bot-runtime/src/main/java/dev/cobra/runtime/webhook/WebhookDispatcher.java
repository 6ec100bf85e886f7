package dev.cobra.runtime.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

/**
 * Delivers the event outbox to the creditor's webhook: a signed JSON POST per event ({@link WebhookSignature}),
 * at least once, retried with exponential backoff ({@code bot.webhooks.retry-base} doubling up to one hour,
 * {@code bot.webhooks.max-attempts} in all), every attempt in the delivery log. Several instances share the work
 * through the outbox's atomic claims.
 */
@Component
public class WebhookDispatcher implements SmartLifecycle {

    static final Duration LEASE = Duration.ofMinutes(1);
    static final Duration MAX_BACKOFF = Duration.ofHours(1);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final WebhookOutbox outbox;
    private final WebhookSettingsStore settings;
    private final WebClient http;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration pollInterval;
    private final Duration retryBase;
    private final int maxAttempts;
    private final String instance = UUID.randomUUID().toString();
    private volatile Disposable running;

    public WebhookDispatcher(WebhookOutbox outbox, WebhookSettingsStore settings, WebClient.Builder http,
                             ObjectMapper json, ObjectProvider<Clock> clock,
                             @Value("${bot.webhooks.poll-interval:PT2S}") Duration pollInterval,
                             @Value("${bot.webhooks.retry-base:PT10S}") Duration retryBase,
                             @Value("${bot.webhooks.max-attempts:12}") int maxAttempts) {
        this.outbox = outbox;
        this.settings = settings;
        this.http = http.build();
        this.json = json;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.pollInterval = pollInterval;
        this.retryBase = retryBase;
        this.maxAttempts = maxAttempts;
    }

    /** One round: delivers what is due now; the number of events delivered. */
    public Mono<Integer> deliverDue() {
        return settings.current().flatMap(s -> {
            if (!s.usable()) {
                return Mono.just(0);
            }
            Instant now = clock.instant();
            return outbox.due(now, 50)
                    .concatMap(e -> outbox.claim(e.getObjectId("_id"), now, LEASE, instance))
                    .flatMap((Document e) -> send(s, e), 4)
                    .filter(ok -> ok).count().map(Long::intValue);
        });
    }

    private Mono<Boolean> send(WebhookSettingsStore.WebhookSettings s, Document event) {
        ObjectId id = event.getObjectId("_id");
        int attempt = event.getInteger("attempts", 1);
        byte[] body = body(event);
        long started = System.nanoTime();
        return http.post().uri(s.url())
                .contentType(MediaType.APPLICATION_JSON)
                .header(WebhookSignature.HEADER, WebhookSignature.sign(s.secret(), body))
                .header("X-Cobra-Event", event.getString("type"))
                .header("X-Cobra-Delivery", id.toHexString())
                .bodyValue(body)
                .exchangeToMono(r -> r.releaseBody().thenReturn(r.statusCode().value()))
                .timeout(TIMEOUT)
                .map(status -> new Result(status, null))
                .onErrorResume(e -> Mono.just(new Result(0, e.getClass().getSimpleName())))
                .flatMap(result -> {
                    Instant now = clock.instant();
                    boolean ok = result.status() >= 200 && result.status() < 300;
                    Document entry = new Document("eventId", id).append("type", event.getString("type"))
                            .append("attempt", attempt).append("status", result.status()).append("error", result.error())
                            .append("ok", ok).append("durationMs", (System.nanoTime() - started) / 1_000_000)
                            .append("at", Date.from(now));
                    Mono<Void> outcome;
                    if (ok) {
                        outcome = outbox.delivered(id, now);
                    } else {
                        boolean giveUp = attempt >= maxAttempts;
                        String error = result.error() != null ? result.error() : "HTTP " + result.status();
                        log.warn("webhook.delivery.failed event={} type={} attempt={} error={} giveUp={}", id,
                                event.getString("type"), attempt, error, giveUp);
                        outcome = outbox.retryLater(id, now.plus(backoff(attempt)), giveUp, error);
                    }
                    return outbox.log(entry).then(outcome).thenReturn(ok);
                });
    }

    private record Result(int status, String error) {
    }

    Duration backoff(int attempt) {
        Duration d = retryBase.multipliedBy(1L << Math.min(20, Math.max(0, attempt - 1)));
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }

    private byte[] body(Document event) {
        ObjectNode node = json.createObjectNode();
        node.put("id", event.getObjectId("_id").toHexString());
        node.put("type", event.getString("type"));
        node.put("conversationId", event.getString("conversationId"));
        node.put("debtorId", event.getString("debtorId"));
        Object data = event.get("data");
        node.set("data", json.valueToTree(data instanceof Map<?, ?> m ? m : Map.of()));
        Date at = event.getDate("at");
        node.put("at", at == null ? null : at.toInstant().toString());
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void start() {
        running = Flux.interval(pollInterval, pollInterval, Schedulers.parallel())
                .onBackpressureDrop()
                .concatMap(tick -> deliverDue().onErrorResume(e -> {
                    log.warn("webhook.round_failed error={}", e.toString());
                    return Mono.empty();
                }), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable d = running;
        if (d != null) {
            d.dispose();
        }
        running = null;
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }
}

package dev.cobra.runtime.channel.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Drains the {@link WhatsAppOutbox} to the Graph API.
 *
 * <p>Implementation notes. One drain runs at a time (ticks that arrive while draining are dropped); a drain
 * reads the unsettled messages oldest first and takes only the <em>head</em> of each recipient's queue, so a
 * user's messages go out in order even when an earlier one is waiting for a retry. A drain's heads are claimed
 * together, by one conditional update that only takes messages still {@code PENDING} (several instances may
 * drain the same outbox), and read back by the claim's token; they are sent with bounded concurrency, spaced
 * by the per-number rate limiter and the per-recipient pacing. Outcomes: 2xx is {@code SENT}; 429, 5xx,
 * network errors and Meta's throttling codes are retried with exponential backoff (or Retry-After) up to
 * {@code maxAttempts}; anything else is permanent and recorded with its code.
 *
 * <p>Exactly once across a crash. Every request carries the outbox id as {@code biz_opaque_callback_data}, which
 * Meta echoes in the status webhooks of the message; {@link WhatsAppStatusStore} settles the outbox entry it names
 * as {@code SENT}. Claims left by a stopped sender (at start for the sole sender, after {@code claimTimeout}
 * otherwise) are <em>in doubt</em>: they are held for {@code inDoubtGrace}, during which a status webhook settles
 * those Meta accepted; only the unsettled ones are released and sent again (the Graph API has no idempotency key,
 * so without status webhooks a request in flight at the crash may go out twice). A recipient whose head is in
 * doubt waits; the others go on.
 */
public class OutboxSender implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    /** How many unsettled messages one drain looks at. */
    static final int DRAIN_WINDOW = 2000;
    /** A claim older than this is considered abandoned (the send timeout is well below it). */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /** Meta error codes that mean "slow down / try later" even when the HTTP status is 400. */
    private static final Set<Integer> TRANSIENT_META_CODES = Set.of(1, 2, 4, 17, 341, 80007, 130429, 131000,
            131016, 131048, 131056, 133004);

    private final WhatsAppOutbox outbox;
    private final WhatsAppProperties properties;
    private final WebClient client;
    private final ObjectMapper objectMapper;
    private final Clock clock;
    private final Duration pollInterval;
    private final Duration claimTimeout;
    private final SendRateLimiter rateLimiter;
    private final Map<String, Instant> lastSentTo = new ConcurrentHashMap<>();
    private final Sinks.Many<Boolean> wakeups = Sinks.many().multicast().directBestEffort();
    private volatile Disposable loop;
    private volatile boolean stopping;
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();

    /** How long an orderly stop waits for requests in flight, so that they are recorded and not sent again. */
    static final Duration GRACEFUL_STOP = Duration.ofSeconds(10);
    static final Duration STALE_CLAIM_CHECK = Duration.ofSeconds(30);
    private volatile long nextStaleClaimCheck = System.nanoTime();
    /** True when no other sender can share this outbox (the embedded database lives in this process). */
    private volatile boolean soleSender;
    /** How long a claim left by a stopped sender waits for a status webhook before it is sent again. */
    private volatile Duration inDoubtGrace = DEFAULT_IN_DOUBT_GRACE;
    static final Duration DEFAULT_IN_DOUBT_GRACE = Duration.ofSeconds(30);
    /** When the next in-doubt claim's grace ends (null: none known). */
    private volatile Instant nextInDoubtRelease;

    public OutboxSender(WhatsAppOutbox outbox, WhatsAppProperties properties, WebClient.Builder webClients,
                        ObjectMapper objectMapper, Clock clock, Duration pollInterval, Duration claimTimeout) {
        this.outbox = outbox;
        this.properties = properties;
        this.client = webClients.clone().build();
        this.objectMapper = objectMapper;
        this.clock = clock;
        this.pollInterval = pollInterval;
        this.claimTimeout = claimTimeout;
        this.rateLimiter = new SendRateLimiter(properties.messagesPerSecond());
        this.direct = new DirectSends(outbox, clock, this::sendDirect, () -> nextInDoubtRelease == null);
    }

    /** Replies POSTed from memory right after their insert (sole sender only); the drain does the rest. */
    private final DirectSends direct;
    private volatile boolean directOn;

    /**
     * Declares that no other sender can be working on this outbox (the embedded database is in this process, so no
     * other instance shares it): at start every {@code SENDING} claim was left by this process's previous life and
     * is released at once, instead of after {@code claimTimeout}, so a crash does not hold those recipients' queues
     * for minutes.
     */
    public void soleSender(boolean soleSender) {
        this.soleSender = soleSender;
    }

    /** {@code whatsapp.outbox.in-doubt-grace}: zero sends in-doubt claims again at once (at least once). */
    public void inDoubtGrace(Duration grace) {
        this.inDoubtGrace = grace == null || grace.isNegative() ? DEFAULT_IN_DOUBT_GRACE : grace;
    }

    /** Templates are checked against it before they are sent; null: not checked. */
    private volatile WhatsAppTemplateRegistry templateRegistry;

    public void templateRegistry(WhatsAppTemplateRegistry registry) {
        this.templateRegistry = registry;
    }

    /** Asks for a drain now (after an enqueue) instead of at the next poll. */
    public void wake() {
        wakeups.tryEmitNext(Boolean.TRUE);
    }

    /**
     * A turn's replies were stored: with direct sends on they are on their way already, so a drain is needed only
     * when something was queued for it since its last pass.
     */
    public void wakeIfQueued() {
        if (!directOn || outbox.takeQueued()) {
            wake();
        }
    }

    @Override
    public synchronized void start() {
        if (loop != null) {
            return;
        }
        if (properties.phoneNumberId() == null || properties.accessToken() == null) {
            // Nothing can be sent without a number and a token; queued messages wait for the configuration.
            log.info("whatsapp.outbox.disabled reason=not_configured");
            return;
        }
        stopping = false;
        // One sender, no pacing per recipient: replies go out from memory (DirectSends); else the drain sends all.
        directOn = soleSender && properties.recipientPacing().isZero();
        direct.enabled(directOn);
        outbox.directSends(directOn ? direct : null);
        outbox.recoveredClaims(this::recoveredClaims);
        Instant staleBefore = soleSender ? clock.instant().plusMillis(1) : clock.instant().minus(claimTimeout);
        nextInDoubtRelease = clock.instant(); // claims in doubt left by an earlier life may be due already
        loop = markInDoubt(staleBefore)
                .then(releaseInDoubtIfDue())
                .thenMany(Flux.merge(Flux.interval(Duration.ZERO, pollInterval).map(tick -> Boolean.TRUE),
                        wakeups.asFlux()))
                .onBackpressureDrop()
                .concatMap(tick -> markStaleClaimsIfDue().then(releaseInDoubtIfDue()).then(drainOnce()).onErrorResume(error -> {
                    log.warn("whatsapp.outbox.drain.failed error={}", error.toString());
                    return Mono.just(0);
                }), 1)
                .subscribe(sent -> {
                    if (sent > 0) {
                        wake(); // more may be due: the next message of the same recipients
                    }
                });
    }

    /**
     * Claims left {@code SENDING} by a sender that died (another instance killed, or a claim whose answer was lost
     * when the database dropped the connection) block their recipient's queue; they are put in doubt while running
     * too, not only at start, every {@link #STALE_CLAIM_CHECK} at most.
     */
    private Mono<Void> markStaleClaimsIfDue() {
        long now = System.nanoTime();
        if (claimTimeout.isZero() || now < nextStaleClaimCheck) { // zero: every claim is stale, checked at start only
            return Mono.empty();
        }
        nextStaleClaimCheck = now + Math.min(STALE_CLAIM_CHECK.toNanos(), claimTimeout.toNanos() / 2);
        return markInDoubt(clock.instant().minus(claimTimeout));
    }

    private Mono<Void> markInDoubt(Instant claimedBefore) {
        Instant until = clock.instant().plus(inDoubtGrace);
        return outbox.markInDoubt(claimedBefore, until).doOnNext(count -> inDoubtUntil(count, until, false)).then();
    }

    /** {@code count} claims were just put in doubt until {@code until}: the next release is due by then at the latest. */
    private void inDoubtUntil(long count, Instant until, boolean recovered) {
        if (count > 0) {
            log.info("whatsapp.outbox.in-doubt count={} graceMs={} recovered={}", count, inDoubtGrace.toMillis(), recovered);
            Instant known = nextInDoubtRelease;
            nextInDoubtRelease = known == null || until.isBefore(known) ? until : known;
        }
    }

    /**
     * In-doubt claims whose grace ended unsettled go back to the queue (and out again); then the next deadline is
     * read from the outbox, so claims put in doubt by another instance are released too.
     */
    private Mono<Void> releaseInDoubtIfDue() {
        Instant due = nextInDoubtRelease;
        Instant now = clock.instant();
        if (due == null || now.isBefore(due)) {
            return Mono.empty();
        }
        return outbox.releaseInDoubt(now)
                .doOnNext(count -> {
                    if (count > 0) {
                        log.info("whatsapp.outbox.in-doubt.resent count={}", count);
                    }
                })
                .then(outbox.nextInDoubtDeadline())
                .doOnNext(next -> nextInDoubtRelease = next)
                .switchIfEmpty(Mono.fromRunnable(() -> nextInDoubtRelease = null))
                .then();
    }

    /**
     * Orderly stop (application shutdown): no new claims, requests in flight are awaited and recorded, so nothing
     * is sent twice after a restart.
     */
    @Override
    public synchronized void stop() {
        stopping = true;
        direct.enabled(false); // new messages are queued; the ones already in lanes still go out
        long deadline = System.nanoTime() + GRACEFUL_STOP.toNanos();
        while ((inFlight.get() > 0 || direct.inLanes() > 0) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        kill();
    }

    /** Stops at once, like a crash: claims in flight stay {@code SENDING} until released by a later start. */
    synchronized void kill() {
        stopping = true;
        direct.halt();
        outbox.directSends(null);
        outbox.recoveredClaims(null);
        if (loop != null) {
            loop.dispose();
            loop = null;
        }
    }

    @Override
    public boolean isRunning() {
        return loop != null;
    }

    /** One pass: sends the due head message of every recipient; emits how many were attempted. */
    Mono<Integer> drainOnce() {
        Instant now = clock.instant();
        long mark = direct.mark();
        return outbox.unsettled(DRAIN_WINDOW).collectList()
                .doOnNext(messages -> direct.observed(mark, messages, messages.size() < DRAIN_WINDOW))
                .map(messages -> dueHeads(messages, now))
                .flatMapMany(heads -> stopping ? Flux.empty()
                        : outbox.claimAll(heads.stream().map(head -> head.getObjectId("_id")).toList(), clock.instant()))
                // In flight from the claim on: an orderly stop waits for these too, so none is left in doubt.
                .doOnNext(claimed -> inFlight.incrementAndGet())
                .flatMap(this::send, properties.sendConcurrency())
                .count()
                .map(Long::intValue);
    }

    private List<Document> dueHeads(List<Document> unsettled, Instant now) {
        Set<String> seen = new HashSet<>();
        List<Document> due = new ArrayList<>();
        if (stopping) {
            return due;
        }
        for (Document message : unsettled) {
            String to = message.getString("to");
            if (!seen.add(to)) {
                continue; // not the head of this recipient's queue
            }
            if (WhatsAppOutbox.SENDING.equals(message.getString("status"))) {
                continue; // the head is in flight
            }
            java.util.Date next = message.getDate("nextAttemptAt");
            if (next != null && next.toInstant().isAfter(now)) {
                continue;
            }
            Instant last = lastSentTo.get(to);
            if (last != null && last.plus(properties.recipientPacing()).isAfter(now)) {
                continue;
            }
            due.add(message);
        }
        return due;
    }

    /** Sends one claimed message (counted in flight since its claim) and records the outcome. */
    private Mono<Boolean> send(Document claimed) {
        return attemptAndRecord(claimed, Mono.empty())
                .thenReturn(Boolean.TRUE)
                .doFinally(signal -> inFlight.decrementAndGet());
    }

    /**
     * A direct message (claimed: stored so, or saved so with its turn while {@code stored} is its insert still in
     * flight): true when it is settled, false when it went back to the queue.
     */
    private Mono<Boolean> sendDirect(Document claimed, Mono<Void> stored) {
        inFlight.incrementAndGet();
        return attemptAndRecord(claimed, stored).doFinally(signal -> inFlight.decrementAndGet());
    }

    private Mono<Boolean> attemptAndRecord(Document claimed, Mono<Void> stored) {
        // No timer when the rate allows the request now (a zero delay would still hop to the timer thread).
        Duration wait = rateLimiter.reserve(System.nanoTime());
        Mono<Outcome> request = templateRefusal(claimed).switchIfEmpty(Mono.defer(() -> post(claimed)));
        return (wait.isZero() ? request : Mono.delay(wait).then(request))
                // The outcome is recorded on the stored message, so after its insert (a reply saved with its turn is
                // POSTed while the insert is still in flight). Meta has the message now: recording it must outlast a
                // database blip, or the claim goes stale and the message is sent a second time.
                .flatMap(outcome -> stored.then(Mono.defer(() -> record(claimed, outcome))
                        .retryWhen(reactor.util.retry.Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200))
                                .maxBackoff(Duration.ofSeconds(1))
                                .filter(WhatsAppInboundProcessor::databaseUnavailable))
                        .timeout(claimTimeout.isZero() ? REQUEST_TIMEOUT : claimTimeout.dividedBy(2)))
                        .thenReturn(settled(claimed, outcome)));
    }

    /**
     * Claims stored after a crash by a turn's recovery (they were saved with the turn, and may have been POSTed
     * before the process died) are in doubt at once, like the ones found at start.
     */
    private Mono<Void> recoveredClaims(List<ObjectId> ids) {
        Instant until = clock.instant().plus(inDoubtGrace);
        return outbox.markInDoubt(ids, until).doOnNext(count -> inDoubtUntil(count, until, true)).then();
    }

    private boolean settled(Document claimed, Outcome outcome) {
        return outcome.wamid() != null || (outcome.status() >= 200 && outcome.status() < 300)
                || !(outcome.transientError() && claimed.getInteger("attempts", 1) < properties.maxAttempts());
    }

    record Outcome(int status, String wamid, String code, String message, boolean transientError,
                   Duration retryAfter) {
    }

    static final String TEMPLATE_NOT_APPROVED = "template_not_approved";
    static final String TEMPLATE_NOT_REGISTERED = "template_not_registered";

    /**
     * A template message is checked against the registry first: one registered with a status other than
     * {@code APPROVED}, or missing in its language while the registry knows that name in others, would be rejected
     * by Meta (or sent unreviewed), so it is refused, recorded {@code FAILED} with a code and not sent. A name the
     * registry does not know at all is sent (the registry is optional).
     */
    private Mono<Outcome> templateRefusal(Document message) {
        WhatsAppTemplateRegistry registry = templateRegistry;
        if (registry == null || !"template".equals(message.getString("kind"))
                && !message.getString("body").contains("\"template\"")) {
            return Mono.empty();
        }
        JsonNode template;
        try {
            template = objectMapper.readTree(message.getString("body")).path("template");
        } catch (Exception e) {
            return Mono.empty();
        }
        String name = template.path("name").asText(null);
        String language = template.path("language").path("code").asText(null);
        if (name == null || language == null) {
            return Mono.empty();
        }
        return registry.find(name, language)
                .map(found -> "APPROVED".equalsIgnoreCase(found.status()) ? Optional.<Outcome>empty()
                        : Optional.of(new Outcome(0, null, TEMPLATE_NOT_APPROVED, "Template " + name + " (" + language
                        + ") is " + found.status() + " in the template registry", false, null)))
                .switchIfEmpty(registry.all().any(known -> name.equals(known.name())).map(knownName -> knownName
                        ? Optional.of(new Outcome(0, null, TEMPLATE_NOT_REGISTERED, "Template " + name
                        + " has no registered " + language + " version", false, null))
                        : Optional.empty()))
                .flatMap(Mono::justOrEmpty);
    }

    private Mono<Outcome> post(Document message) {
        String url = properties.graphApiUrl() + "/" + properties.phoneNumberId() + "/messages";
        return client.post().uri(url)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + properties.accessToken())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(withCallbackData(message.getString("body"), message.getObjectId("_id")))
                .exchangeToMono(response -> response.bodyToMono(String.class).defaultIfEmpty("")
                        .map(body -> classify(response.statusCode().value(), body,
                                response.headers().asHttpHeaders().getFirst(HttpHeaders.RETRY_AFTER))))
                .timeout(REQUEST_TIMEOUT)
                .onErrorResume(error -> Mono.just(new Outcome(0, null, "network", error.getClass().getSimpleName(),
                        true, null)));
    }

    /** Meta's field echoed in the message's status webhooks (any message type, up to 512 characters). */
    static final String CALLBACK_DATA = "biz_opaque_callback_data";

    /**
     * The stored Graph JSON with the outbox id as callback data, so a status webhook names the outbox entry. The
     * stored body is the runtime's own serialised JSON object, so the field is appended before its closing brace
     * instead of parsing and re-serialising the body at every send; a body that already names the field, or does
     * not look like an object, takes the parsing path.
     */
    String withCallbackData(String body, ObjectId id) {
        if (body != null && body.endsWith(callbackField(id) + "}")) {
            return body; // placed when the body was built (WhatsAppOutbox.newMessage)
        }
        String placed = placeCallbackData(body, id);
        return placed != null ? placed : withCallbackDataParsed(body, id);
    }

    /**
     * The body with the field appended before its closing brace, or null when the body does not look like the
     * runtime's own serialised object or already names the field (then it is parsed).
     */
    static String placeCallbackData(String body, ObjectId id) {
        int close = body == null ? -1 : body.lastIndexOf('}');
        if (close > 0 && body.charAt(0) == '{' && body.substring(close + 1).isBlank()
                && !body.contains("\"" + CALLBACK_DATA + "\"")) {
            int last = close - 1;
            while (Character.isWhitespace(body.charAt(last))) {
                last--; // stops at the opening brace at the latest
            }
            return body.substring(0, close) + (body.charAt(last) == '{' ? "" : ",") + callbackField(id) + "}";
        }
        return null;
    }

    static String callbackField(ObjectId id) {
        return "\"" + CALLBACK_DATA + "\":\"" + id.toHexString() + "\"";
    }

    private String withCallbackDataParsed(String body, ObjectId id) {
        try {
            JsonNode json = objectMapper.readTree(body);
            if (json instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
                object.put(CALLBACK_DATA, id.toHexString());
                return objectMapper.writeValueAsString(object);
            }
        } catch (Exception e) {
            log.warn("whatsapp.outbox.body.unreadable id={}", id);
        }
        return body;
    }

    Outcome classify(int status, String body, String retryAfterHeader) {
        JsonNode json;
        try {
            json = body.isEmpty() ? objectMapper.createObjectNode() : objectMapper.readTree(body);
        } catch (Exception e) {
            json = objectMapper.createObjectNode();
        }
        if (status >= 200 && status < 300) {
            String wamid = json.path("messages").path(0).path("id").asText(null);
            return new Outcome(status, wamid, null, null, false, null);
        }
        JsonNode error = json.path("error");
        Integer metaCode = error.hasNonNull("code") ? error.get("code").asInt() : null;
        String code = metaCode != null ? String.valueOf(metaCode) : "http_" + status;
        String message = error.path("message").asText("HTTP " + status);
        boolean transientError = status == 429 || status >= 500
                || (metaCode != null && TRANSIENT_META_CODES.contains(metaCode));
        Duration retryAfter = null;
        if (retryAfterHeader != null) {
            try {
                retryAfter = Duration.ofSeconds(Long.parseLong(retryAfterHeader.trim()));
            } catch (NumberFormatException ignored) {
                // an HTTP date: fall back to exponential backoff
            }
        }
        return new Outcome(status, null, code, message, transientError, retryAfter);
    }

    private Mono<Void> record(Document message, Outcome outcome) {
        ObjectId id = message.getObjectId("_id");
        String to = message.getString("to");
        Instant now = clock.instant();
        int attempts = message.getInteger("attempts", 1);
        if (outcome.wamid() != null || (outcome.status() >= 200 && outcome.status() < 300)) {
            lastSentTo.put(to, now);
            log.debug("whatsapp.outbox.sent id={} to={} attempts={}", id, mask(to), attempts);
            return outbox.markSent(id, outcome.wamid(), now);
        }
        if (outcome.transientError() && attempts < properties.maxAttempts()) {
            Duration delay = SendRateLimiter.backoff(attempts, properties.retryBaseDelay(), properties.retryMaxDelay(),
                    outcome.retryAfter());
            log.info("whatsapp.outbox.retry id={} to={} code={} attempt={} delayMs={}", id, mask(to), outcome.code(),
                    attempts, delay.toMillis());
            return outbox.markRetry(message, now.plus(delay), outcome.code(), outcome.message());
        }
        log.warn("whatsapp.outbox.failed id={} to={} code={} attempts={} permanent={}", id, mask(to), outcome.code(),
                attempts, !outcome.transientError());
        return outbox.markFailed(message, outcome.code(), outcome.message(), now);
    }

    /** Phones and BSUIDs are personal data: logs keep the last 4 characters only. */
    static String mask(String address) {
        if (address == null || address.length() <= 4) {
            return "****";
        }
        return "…" + address.substring(address.length() - 4);
    }
}

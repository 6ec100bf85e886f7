package dev.cobra.runtime.channel.whatsapp;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/**
 * Meta's webhook endpoint. GET is the subscription handshake; POST carries messages and statuses. A POST is
 * acknowledged only after its messages are persisted (so Meta redelivers what we could not store) and before
 * they are processed (Meta expects a fast 200); its signature is checked on the raw bytes first.
 */
@RestController
public class WhatsAppWebhookController {

    private static final Logger log = LoggerFactory.getLogger(WhatsAppWebhookController.class);

    static final String PATH = "/webhooks/whatsapp";
    static final String SIGNATURE_HEADER = "X-Hub-Signature-256";

    private final WhatsAppProperties properties;
    private final WebhookPayloadParser parser;
    private final WhatsAppInboundStore inboundStore;
    private final WhatsAppStatusStore statusStore;
    private final WhatsAppInboundProcessor processor;
    private final Clock clock;

    public WhatsAppWebhookController(WhatsAppProperties properties, WebhookPayloadParser parser,
                                     WhatsAppInboundStore inboundStore, WhatsAppStatusStore statusStore,
                                     WhatsAppInboundProcessor processor, ObjectProvider<Clock> clock) {
        this.properties = properties;
        this.parser = parser;
        this.inboundStore = inboundStore;
        this.statusStore = statusStore;
        this.processor = processor;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @GetMapping(PATH)
    public Mono<ResponseEntity<String>> verify(@RequestParam(name = "hub.mode", required = false) String mode,
                                               @RequestParam(name = "hub.verify_token", required = false) String token,
                                               @RequestParam(name = "hub.challenge", required = false) String challenge) {
        boolean matches = properties.verifyToken() != null && token != null
                && MessageDigest.isEqual(properties.verifyToken().getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
        if ("subscribe".equals(mode) && matches && challenge != null) {
            return Mono.just(ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(challenge));
        }
        return Mono.just(ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_JSON)
                .body("{\"error\":\"verification_failed\",\"message\":\"The verify token does not match\"}"));
    }

    @PostMapping(PATH)
    public Mono<ResponseEntity<Map<String, String>>> receive(@RequestHeader(name = SIGNATURE_HEADER, required = false) String signature,
                                              @RequestBody(required = false) byte[] body) {
        if (!properties.webhookConfigured()) {
            return Mono.just(error(HttpStatus.SERVICE_UNAVAILABLE, "not_configured", "whatsapp.app-secret is not set"));
        }
        byte[] raw = body == null ? new byte[0] : body;
        if (!WebhookSignature.isValid(properties.appSecret(), raw, signature)) {
            log.warn("whatsapp.webhook.rejected reason=signature bytes={}", raw.length);
            return Mono.just(error(HttpStatus.UNAUTHORIZED, "invalid_signature", "Missing or wrong X-Hub-Signature-256"));
        }
        WebhookPayloadParser.Parsed parsed;
        try {
            parsed = parser.parse(raw);
        } catch (IOException e) {
            return Mono.just(error(HttpStatus.BAD_REQUEST, "malformed_json", "The body is not JSON"));
        }
        var receivedAt = clock.instant();
        // Each new message is queued as soon as it is stored: if a later insert of the batch fails, the 503 makes
        // Meta redeliver the batch and the messages stored already come back as duplicates, so they must not wait.
        Mono<Long> accepted = Flux.fromIterable(parsed.messages())
                .concatMap(message -> inboundStore.accept(message, receivedAt)
                        .filter(Boolean::booleanValue).map(isNew -> message))
                .doOnNext(processor::submit)
                .count();
        Mono<Void> statuses = Flux.fromIterable(parsed.statuses()).concatMap(statusStore::apply).then();
        return accepted.flatMap(fresh -> statuses.then(Mono.fromRunnable(() -> {
            long duplicates = parsed.messages().size() - fresh;
            if (duplicates > 0) {
                log.info("whatsapp.webhook.duplicates count={}", duplicates);
            }
        }))).thenReturn(ResponseEntity.ok().<Map<String, String>>build())
                .onErrorResume(error -> {
                    // Not stored (the database is down or failing): 503 so that Meta delivers the webhook again.
                    log.warn("whatsapp.webhook.unavailable messages={} error={}", parsed.messages().size(),
                            error.getClass().getSimpleName());
                    return Mono.just(error(HttpStatus.SERVICE_UNAVAILABLE, "database_unavailable",
                            "The message could not be stored; deliver it again later"));
                });
    }

    /** Errors in the product's JSON shape (CONTRACTS.md), built here so the endpoint does not depend on a handler. */
    private static ResponseEntity<Map<String, String>> error(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("error", code, "message", message));
    }
}

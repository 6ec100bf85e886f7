package dev.cobra.runtime.webhook;

import dev.cobra.runtime.compliance.StaffRoles;
import dev.cobra.runtime.web.error.ApiException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.Map;

/**
 * {@code POST /api/webhooks/test} (ADMIN): queues a signed {@code test} event for the configured creditor webhook;
 * the answer is 202 with the event id, the outcome appears in {@code GET /api/webhooks/deliveries}.
 */
@RestController
public class WebhookTestController {

    private final WebhookOutbox outbox;
    private final WebhookSettingsStore settings;
    private final Clock clock;

    public WebhookTestController(WebhookOutbox outbox, WebhookSettingsStore settings, ObjectProvider<Clock> clock) {
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @PostMapping("/api/webhooks/test")
    public Mono<ResponseEntity<Map<String, String>>> test() {
        return settings.current()
                .filter(s -> s.url() != null && !s.url().isBlank() && s.enabled())
                .switchIfEmpty(Mono.error(() -> ApiException.conflict("webhook_not_configured",
                        "Save an enabled webhook URL and secret first.")))
                .then(StaffRoles.username())
                .flatMap(user -> outbox.enqueueTest(user, clock.instant()))
                .map(id -> ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("eventId", id.toHexString())));
    }
}

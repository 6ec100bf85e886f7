package dev.cobra.runtime.webhook;

import dev.cobra.runtime.web.error.ApiException;
import org.bson.Document;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Creditor webhook configuration and delivery log (ADMIN): {@code GET|PUT /api/webhooks/settings}
 * ({@code {"url","secret","enabled"}}; the secret is write-only), {@code GET /api/webhooks/deliveries?limit=50},
 * {@code POST /api/webhooks/retry-failed}.
 */
@RestController
public class WebhookController {

    private final WebhookSettingsStore settings;
    private final WebhookOutbox outbox;

    public WebhookController(WebhookSettingsStore settings, WebhookOutbox outbox) {
        this.settings = settings;
        this.outbox = outbox;
    }

    public record SettingsInput(String url, String secret, Boolean enabled) {
    }

    @GetMapping("/api/webhooks/settings")
    public Mono<Map<String, Object>> get() {
        return settings.current().map(WebhookController::view);
    }

    @PutMapping("/api/webhooks/settings")
    public Mono<Map<String, Object>> put(@RequestBody SettingsInput input) {
        if (input.url() == null || !validUrl(input.url())) {
            throw ApiException.badRequest("invalid_url", "url must be an absolute http(s) URL.");
        }
        return settings.current().flatMap(current -> {
            String secret = input.secret() == null || input.secret().isBlank() ? current.secret() : input.secret();
            if (secret == null || secret.length() < 16) {
                return Mono.error(ApiException.badRequest("invalid_secret", "secret must be at least 16 characters."));
            }
            boolean enabled = input.enabled() == null || input.enabled();
            return settings.save(new WebhookSettingsStore.WebhookSettings(input.url().strip(), secret, enabled));
        }).map(WebhookController::view);
    }

    @GetMapping("/api/webhooks/deliveries")
    public Flux<Map<String, Object>> deliveries(@RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > 500) {
            throw ApiException.badRequest("invalid_limit", "limit must be between 1 and 500.");
        }
        return outbox.deliveries(limit).map(WebhookController::delivery);
    }

    @PostMapping("/api/webhooks/retry-failed")
    public Mono<Map<String, Long>> retryFailed() {
        return outbox.retryFailed().map(n -> Map.of("requeued", n));
    }

    private static Map<String, Object> view(WebhookSettingsStore.WebhookSettings s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("url", s.url());
        out.put("enabled", s.enabled());
        out.put("secretSet", s.secret() != null && !s.secret().isBlank());
        return out;
    }

    private static Map<String, Object> delivery(Document d) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("eventId", d.get("eventId") == null ? null : d.get("eventId").toString());
        out.put("type", d.getString("type"));
        out.put("attempt", d.get("attempt"));
        out.put("status", d.get("status"));
        out.put("ok", d.get("ok"));
        out.put("error", d.getString("error"));
        out.put("durationMs", d.get("durationMs"));
        out.put("at", d.getDate("at") == null ? null : d.getDate("at").toInstant().toString());
        return out;
    }

    private static boolean validUrl(String url) {
        try {
            URI uri = URI.create(url.strip());
            return uri.isAbsolute() && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}

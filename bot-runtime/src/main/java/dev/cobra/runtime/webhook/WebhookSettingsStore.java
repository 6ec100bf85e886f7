package dev.cobra.runtime.webhook;

import dev.cobra.runtime.persistence.CollectionOwner;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;

/**
 * Where the creditor's webhook goes ({@code webhook_settings}, one document {@code creditor}: url, secret,
 * enabled). Read through a short cache so the dispatcher does not query it on every round.
 */
@Component
@CollectionOwner("webhook_settings")
public class WebhookSettingsStore {

    private static final String COLLECTION = "webhook_settings";
    static final String ID = "creditor";
    private static final Duration CACHE = Duration.ofSeconds(2);

    private final ReactiveMongoTemplate mongo;
    private volatile Cached cached;

    public WebhookSettingsStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The creditor's endpoint. The secret is never returned by the API. */
    public record WebhookSettings(String url, String secret, boolean enabled) {
        public boolean usable() {
            return enabled && url != null && !url.isBlank() && secret != null && !secret.isBlank();
        }
    }

    private record Cached(WebhookSettings settings, Instant until) {
    }

    public Mono<WebhookSettings> current() {
        Cached c = cached;
        if (c != null && Instant.now().isBefore(c.until())) {
            return Mono.just(c.settings());
        }
        return mongo.findById(ID, Document.class, COLLECTION)
                .map(d -> new WebhookSettings(d.getString("url"), d.getString("secret"), d.getBoolean("enabled", false)))
                .defaultIfEmpty(new WebhookSettings(null, null, false))
                .doOnNext(s -> cached = new Cached(s, Instant.now().plus(CACHE)));
    }

    public Mono<WebhookSettings> save(WebhookSettings settings) {
        Document doc = new Document("_id", ID).append("url", settings.url()).append("secret", settings.secret())
                .append("enabled", settings.enabled());
        return mongo.save(doc, COLLECTION).doOnNext(d -> cached = null).thenReturn(settings);
    }
}

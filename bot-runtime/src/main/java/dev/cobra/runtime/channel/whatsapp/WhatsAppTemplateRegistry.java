package dev.cobra.runtime.channel.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cobra.runtime.persistence.CollectionOwner;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The message templates the business may send outside the 24-hour window (collection {@value #COLLECTION}), one
 * document per name and language: category, Meta's approval status and the body's parameter count. Filled by
 * hand through the API and, when {@code whatsapp.business-account-id} is set, synced from the Graph API's
 * {@code message_templates} endpoint (Meta decides the status: APPROVED, PENDING, REJECTED, PAUSED, ...).
 */
@CollectionOwner("whatsapp_templates")
public class WhatsAppTemplateRegistry {

    private static final String COLLECTION = "whatsapp_templates";

    static final Set<String> CATEGORIES = Set.of("UTILITY", "MARKETING", "AUTHENTICATION");
    private static final Pattern PARAMETER = Pattern.compile("\\{\\{(\\d+)}}");

    public record Template(String name, String language, String category, String status, int parameters,
                           String body, String source, Instant updatedAt) {
    }

    private final ReactiveMongoTemplate mongo;
    private final WebClient client;
    private final WhatsAppProperties properties;

    public WhatsAppTemplateRegistry(ReactiveMongoTemplate mongo, WebClient.Builder webClients,
                                    WhatsAppProperties properties) {
        this.mongo = mongo;
        this.client = webClients.clone().build();
        this.properties = properties;
    }

    public Flux<Template> all() {
        return mongo.find(new Query().with(Sort.by("name", "language")), Document.class, COLLECTION)
                .map(WhatsAppTemplateRegistry::toTemplate);
    }

    public Mono<Template> find(String name, String language) {
        return mongo.findById(id(name, language), Document.class, COLLECTION).map(WhatsAppTemplateRegistry::toTemplate);
    }

    /** Adds or replaces one entry; the caller validated it. */
    public Mono<Template> save(Template template) {
        Document doc = new Document("_id", id(template.name(), template.language()))
                .append("name", template.name())
                .append("language", template.language())
                .append("category", template.category())
                .append("status", template.status())
                .append("parameters", template.parameters())
                .append("body", template.body())
                .append("source", template.source())
                .append("updatedAt", Date.from(template.updatedAt()));
        return mongo.save(doc, COLLECTION).map(WhatsAppTemplateRegistry::toTemplate);
    }

    /** Problems with an entry typed by hand; empty when it is fine. */
    static List<String> validate(Template template) {
        List<String> problems = new ArrayList<>();
        if (template.name() == null || !template.name().matches("[a-z0-9_]{1,512}")) {
            problems.add("name: lowercase letters, digits and underscores (Meta's rule)");
        }
        if (template.language() == null || !template.language().matches("[a-z]{2,3}(_[A-Z]{2})?")) {
            problems.add("language: a Meta language code such as es, es_MX, en_US");
        }
        if (template.category() == null || !CATEGORIES.contains(template.category())) {
            problems.add("category: one of " + CATEGORIES);
        }
        if (template.parameters() < 0 || template.parameters() > 100) {
            problems.add("parameters: 0 to 100");
        }
        return problems;
    }

    /** Reads every template of the business account from the Graph API and upserts them; emits how many. */
    public Mono<Long> syncFromGraph() {
        if (properties.businessAccountId() == null) {
            return Mono.error(new IllegalStateException("whatsapp.business-account-id is not set"));
        }
        return page(properties.graphApiUrl() + "/" + properties.businessAccountId()
                + "/message_templates?limit=100&fields=name,language,category,status,components")
                .flatMap(node -> save(fromGraph(node)), 4)
                .count();
    }

    private Flux<JsonNode> page(String url) {
        return client.get().uri(url).header(HttpHeaders.AUTHORIZATION, "Bearer " + properties.accessToken())
                .retrieve().bodyToMono(JsonNode.class)
                .flatMapMany(body -> {
                    Flux<JsonNode> here = Flux.fromIterable(body.path("data"));
                    String next = body.path("paging").path("next").asText(null);
                    return next == null ? here : here.concatWith(page(next));
                });
    }

    static Template fromGraph(JsonNode node) {
        String body = null;
        for (JsonNode component : node.path("components")) {
            if ("BODY".equalsIgnoreCase(component.path("type").asText())) {
                body = component.path("text").asText(null);
            }
        }
        return new Template(node.path("name").asText(), node.path("language").asText(),
                node.path("category").asText("").toUpperCase(Locale.ROOT), node.path("status").asText("").toUpperCase(Locale.ROOT),
                countParameters(body), body, "graph", Instant.now());
    }

    static int countParameters(String body) {
        if (body == null) {
            return 0;
        }
        int max = 0;
        Matcher matcher = PARAMETER.matcher(body);
        while (matcher.find()) {
            max = Math.max(max, Integer.parseInt(matcher.group(1)));
        }
        return max;
    }

    private static String id(String name, String language) {
        return name + ":" + language;
    }

    private static Template toTemplate(Document doc) {
        Date updated = doc.getDate("updatedAt");
        return new Template(doc.getString("name"), doc.getString("language"), doc.getString("category"),
                doc.getString("status"), doc.getInteger("parameters", 0), doc.getString("body"),
                doc.getString("source"), updated == null ? null : updated.toInstant());
    }
}

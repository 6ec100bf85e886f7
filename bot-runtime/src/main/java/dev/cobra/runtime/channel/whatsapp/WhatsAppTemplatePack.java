package dev.cobra.runtime.channel.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The template pack Cobra ships ({@code whatsapp/template-pack.json}): early, mid and late stage invitations
 * (no debt detail: they reach unverified phones), the promise reminder {@code recordatorio_promesa}, payment
 * received and plan confirmation, in Spanish and English. {@link #submit} creates each on Meta
 * ({@code POST {graph-api-url}/{waba-id}/message_templates}, with an example for every parameter as Meta requires)
 * and records it in the registry with the status Meta answered (usually {@code PENDING}); the registry's sync
 * ({@code POST /api/whatsapp/templates/sync}) later picks up Meta's decision.
 */
public class WhatsAppTemplatePack {

    static final String RESOURCE = "/whatsapp/template-pack.json";
    private static final Logger log = LoggerFactory.getLogger(WhatsAppTemplatePack.class);

    /** One template of the pack. */
    public record PackTemplate(String name, String language, String category, String stage, String body,
                               List<String> parameters, List<String> example) {
    }

    /** What became of one template on submission: Meta's status, or the error it answered. */
    public record Submission(String name, String language, String status, String metaId, String error) {
    }

    private final List<PackTemplate> templates;
    private final WhatsAppTemplateRegistry registry;
    private final WebClient client;
    private final WhatsAppProperties properties;

    public WhatsAppTemplatePack(ObjectMapper json, WhatsAppTemplateRegistry registry, WebClient.Builder webClients,
                                WhatsAppProperties properties) {
        this.templates = load(json);
        this.registry = registry;
        this.client = webClients.clone().build();
        this.properties = properties;
    }

    public List<PackTemplate> templates() {
        return templates;
    }

    static List<PackTemplate> load(ObjectMapper json) {
        try (InputStream in = WhatsAppTemplatePack.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the jar");
            }
            List<PackTemplate> out = new ArrayList<>();
            for (JsonNode t : json.readTree(in).path("templates")) {
                List<String> parameters = new ArrayList<>();
                t.path("parameters").forEach(p -> parameters.add(p.asText()));
                List<String> example = new ArrayList<>();
                t.path("example").forEach(p -> example.add(p.asText()));
                out.add(new PackTemplate(t.path("name").asText(), t.path("language").asText(),
                        t.path("category").asText(), t.path("stage").asText(null), t.path("body").asText(),
                        List.copyOf(parameters), List.copyOf(example)));
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates every template of the pack on Meta and records the answers; one failure does not stop the others. */
    public Mono<List<Submission>> submit() {
        if (properties.businessAccountId() == null || properties.accessToken() == null) {
            return Mono.error(new IllegalStateException(
                    "whatsapp.business-account-id and whatsapp.access-token are needed to create templates on Meta"));
        }
        String url = properties.graphApiUrl() + "/" + properties.businessAccountId() + "/message_templates";
        return Flux.fromIterable(templates).concatMap(t -> client.post().uri(url)
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + properties.accessToken())
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(request(t).toString())
                        .retrieve().bodyToMono(JsonNode.class)
                        .flatMap(answer -> {
                            String status = answer.path("status").asText("PENDING").toUpperCase(Locale.ROOT);
                            return registry.save(new WhatsAppTemplateRegistry.Template(t.name(), t.language(),
                                            t.category(), status, t.parameters().size(), t.body(), "pack", Instant.now()))
                                    .thenReturn(new Submission(t.name(), t.language(), status,
                                            answer.path("id").asText(null), null));
                        })
                        .onErrorResume(WebClientResponseException.class, e -> Mono.just(new Submission(t.name(),
                                t.language(), null, null, metaError(e))))
                        .doOnNext(s -> log.info("whatsapp.template.submitted name={} language={} status={} error={}",
                                s.name(), s.language(), s.status(), s.error() != null)))
                .collectList();
    }

    /** Meta's create-template body: name, language, category and the body with an example per parameter. */
    static ObjectNode request(PackTemplate t) {
        ObjectNode body = new ObjectMapper().createObjectNode();
        body.put("name", t.name());
        body.put("language", t.language());
        body.put("category", t.category());
        ObjectNode component = body.putArray("components").addObject();
        component.put("type", "BODY");
        component.put("text", t.body());
        if (!t.example().isEmpty()) {
            ArrayNode values = component.putObject("example").putArray("body_text").addArray();
            t.example().forEach(values::add);
        }
        return body;
    }

    private static String metaError(WebClientResponseException e) {
        String body = e.getResponseBodyAsString();
        try {
            JsonNode error = new ObjectMapper().readTree(body).path("error");
            if (error.hasNonNull("message")) {
                return e.getStatusCode().value() + " " + error.path("message").asText();
            }
        } catch (IOException ignored) {
            // not JSON: the status says enough
        }
        return String.valueOf(e.getStatusCode().value());
    }

    /** The pack as the API lists it. */
    public List<Map<String, Object>> describe() {
        return templates.stream().map(t -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", t.name());
            row.put("language", t.language());
            row.put("category", t.category());
            row.put("stage", t.stage());
            row.put("body", t.body());
            row.put("parameters", t.parameters());
            return row;
        }).toList();
    }
}

package dev.cobra.runtime.channel.whatsapp;

import dev.cobra.runtime.web.error.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The template registry over HTTP: {@code GET /api/whatsapp/templates} (any staff user),
 * {@code PUT /api/whatsapp/templates} to add or replace one by hand and {@code POST /api/whatsapp/templates/sync}
 * to pull them from Meta (ADMIN or SUPERVISOR).
 */
@RestController
public class WhatsAppTemplateController {

    private static final Set<String> EDITORS = Set.of("ROLE_ADMIN", "ROLE_SUPERVISOR");

    private final WhatsAppTemplateRegistry registry;
    private final WhatsAppTemplatePack pack;

    public WhatsAppTemplateController(WhatsAppTemplateRegistry registry, WhatsAppTemplatePack pack) {
        this.registry = registry;
        this.pack = pack;
    }

    public record TemplateRequest(String name, String language, String category, String status, Integer parameters,
                                  String body) {
    }

    @GetMapping("/api/whatsapp/templates")
    public Mono<List<WhatsAppTemplateRegistry.Template>> list() {
        return registry.all().collectList();
    }

    @PutMapping("/api/whatsapp/templates")
    public Mono<WhatsAppTemplateRegistry.Template> save(@RequestBody TemplateRequest request) {
        WhatsAppTemplateRegistry.Template template = new WhatsAppTemplateRegistry.Template(request.name(),
                request.language(), request.category() == null ? null : request.category().toUpperCase(java.util.Locale.ROOT),
                request.status() == null ? "PENDING" : request.status().toUpperCase(java.util.Locale.ROOT),
                request.parameters() == null ? WhatsAppTemplateRegistry.countParameters(request.body()) : request.parameters(),
                request.body(), "manual", Instant.now());
        List<String> problems = WhatsAppTemplateRegistry.validate(template);
        if (!problems.isEmpty()) {
            return Mono.error(ApiException.badRequest("invalid_template", String.join("; ", problems)));
        }
        return requireEditor().then(registry.save(template));
    }

    @PostMapping("/api/whatsapp/templates/sync")
    public Mono<Map<String, Long>> sync() {
        return requireEditor().then(registry.syncFromGraph()
                .onErrorMap(IllegalStateException.class, e -> new ApiException(HttpStatus.SERVICE_UNAVAILABLE,
                        "not_configured", e.getMessage()))
                .map(count -> Map.of("synced", count)));
    }

    /** The shipped template pack (stage invitations, promise reminder, payment received, plan confirmation). */
    @GetMapping("/api/whatsapp/templates/pack")
    public List<Map<String, Object>> pack() {
        return pack.describe();
    }

    /** Creates the pack's templates on Meta and records them in the registry with Meta's status. */
    @PostMapping("/api/whatsapp/templates/pack/submit")
    public Mono<Map<String, Object>> submitPack() {
        return requireEditor().then(pack.submit()
                .onErrorMap(IllegalStateException.class, e -> new ApiException(HttpStatus.SERVICE_UNAVAILABLE,
                        "not_configured", e.getMessage()))
                .map(submissions -> Map.<String, Object>of("submitted", submissions)));
    }

    private static Mono<Void> requireEditor() {
        return ReactiveSecurityContextHolder.getContext()
                .map(context -> context.getAuthentication() != null && context.getAuthentication().getAuthorities()
                        .stream().map(GrantedAuthority::getAuthority).anyMatch(EDITORS::contains))
                .defaultIfEmpty(false)
                .flatMap(allowed -> allowed ? Mono.<Void>empty()
                        : Mono.error(new ApiException(HttpStatus.FORBIDDEN, "forbidden",
                        "Only ADMIN or SUPERVISOR may change templates")));
    }
}

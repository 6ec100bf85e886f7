package dev.cobra.runtime.handoff;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cobra.runtime.web.error.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.security.Principal;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Canned replies: every agent reads them ({@code GET /api/agent/canned-replies}); supervisors and admins create,
 * change and delete them.
 */
@RestController
class CannedReplyController {

    static final int MAX_TITLE_LENGTH = 80;

    private final CannedReplyStore store;
    private final Clock clock;

    CannedReplyController(CannedReplyStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @GetMapping("/api/agent/canned-replies")
    Mono<List<CannedReply>> list() {
        return store.all().collectList();
    }

    @PostMapping("/api/agent/canned-replies")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<CannedReply> create(@RequestBody(required = false) JsonNode body, Principal principal) {
        return supervisorOnly(principal)
                .then(Mono.fromCallable(() -> parse(UUID.randomUUID().toString(), body, principal.getName())))
                .flatMap(store::save);
    }

    @PutMapping("/api/agent/canned-replies/{id}")
    Mono<CannedReply> update(@PathVariable String id, @RequestBody(required = false) JsonNode body, Principal principal) {
        return supervisorOnly(principal)
                .then(Mono.fromCallable(() -> parse(id, body, principal.getName())))
                .flatMap(reply -> store.find(id)
                        .switchIfEmpty(Mono.error(() -> ApiException.notFound("No canned reply with this id")))
                        .then(store.save(reply)));
    }

    @DeleteMapping("/api/agent/canned-replies/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> delete(@PathVariable String id, Principal principal) {
        return supervisorOnly(principal).then(store.delete(id)).flatMap(deleted -> deleted ? Mono.<Void>empty()
                : Mono.error(ApiException.notFound("No canned reply with this id")));
    }

    private static Mono<Void> supervisorOnly(Principal principal) {
        return AgentController.supervises(principal) ? Mono.empty()
                : Mono.error(new ApiException(HttpStatus.FORBIDDEN, "forbidden", "Only supervisors and admins manage canned replies"));
    }

    private CannedReply parse(String id, JsonNode body, String user) {
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("invalid_body", "Send {\"title\",\"text\",\"locale\"}");
        }
        String title = body.path("title").asText("").trim();
        String text = body.path("text").asText("").trim();
        String locale = body.hasNonNull("locale") ? body.get("locale").asText().trim() : null;
        if (title.isEmpty() || title.length() > MAX_TITLE_LENGTH) {
            throw ApiException.badRequest("invalid_title", "title is 1 to " + MAX_TITLE_LENGTH + " characters");
        }
        if (text.isEmpty() || text.length() > HandoffService.MAX_TEXT_LENGTH) {
            throw ApiException.badRequest("invalid_text", "text is 1 to " + HandoffService.MAX_TEXT_LENGTH + " characters");
        }
        if (locale != null && locale.isEmpty()) {
            locale = null;
        }
        if (locale != null && !locale.equals("es") && !locale.equals("en")) {
            throw ApiException.badRequest("invalid_locale", "locale is 'es', 'en' or absent");
        }
        return new CannedReply(id, title, text, locale, user, clock.instant());
    }
}

package dev.cobra.runtime.handoff;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cobra.runtime.conversation.state.TranscriptEntry;
import dev.cobra.runtime.security.Role;
import dev.cobra.runtime.security.StaffUser;
import dev.cobra.runtime.security.StaffUserStore;
import dev.cobra.runtime.web.error.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** The agents' API (CONTRACTS.md, "Agents"); {@code /api/agent/**} is for AGENT, SUPERVISOR and ADMIN. */
@RestController
class AgentController {

    /**
     * Most chats one agent may hold: asynchronous WhatsApp chats wait minutes or hours between messages, and the
     * field's agents work about 200 of them at once ("my chats" puts the ones waiting for an answer first).
     */
    static final int MAX_CHATS_LIMIT = 200;

    private final HandoffService handoff;
    private final AgentDirectory agents;
    private final AgentEvents events;
    private final Clock clock;
    private final StaffUserStore users;

    AgentController(HandoffService handoff, AgentDirectory agents, AgentEvents events, Clock clock,
                    StaffUserStore users) {
        this.users = users;
        this.handoff = handoff;
        this.agents = agents;
        this.events = events;
        this.clock = clock;
    }

    @GetMapping("/api/agent/queue")
    Mono<List<QueueEntry>> queue() {
        return handoff.queue();
    }

    @GetMapping("/api/agent/me/chats")
    Mono<List<QueueEntry>> myChats(Principal principal) {
        return handoff.chatsOf(principal.getName());
    }

    @GetMapping(path = "/api/agent/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<Object>> events() {
        return events.stream();
    }

    @PostMapping("/api/agent/conversations/{id}/claim")
    Mono<QueueEntry> claim(@PathVariable String id, Principal principal) {
        return handoff.claim(id, principal.getName());
    }

    @PostMapping("/api/agent/conversations/{id}/assign")
    Mono<QueueEntry> assign(@PathVariable String id, @RequestBody(required = false) JsonNode body, Principal principal) {
        if (!supervises(principal)) {
            return Mono.error(new ApiException(HttpStatus.FORBIDDEN, "forbidden", "Only supervisors and admins reassign chats"));
        }
        return handoff.assign(id, text(body, "agent"), principal.getName());
    }

    @GetMapping("/api/agent/conversations/{id}/messages")
    Flux<TranscriptEntry> transcript(@PathVariable String id, Principal principal) {
        return handoff.transcript(id, principal == null ? null : principal.getName());
    }

    @PostMapping("/api/agent/conversations/{id}/messages")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<HandoffService.SentMessage> send(@PathVariable String id, @RequestBody(required = false) JsonNode body,
                                          Principal principal) {
        return handoff.send(id, principal.getName(), text(body, "text"));
    }

    @PostMapping("/api/agent/conversations/{id}/release")
    Mono<HandoffService.Released> release(@PathVariable String id, @RequestBody(required = false) JsonNode body,
                                          Principal principal) {
        return Mono.fromCallable(() -> parseRelease(body))
                .flatMap(release -> handoff.release(id, principal.getName(), supervises(principal), release));
    }

    @PutMapping("/api/agent/me/presence")
    Mono<AgentPresence> presence(@RequestBody(required = false) JsonNode body, Principal principal) {
        String status = text(body, "status");
        if (!AgentPresence.AVAILABLE.equals(status) && !AgentPresence.AWAY.equals(status)) {
            return Mono.error(ApiException.badRequest("invalid_status", "status is 'available' or 'away'"));
        }
        List<String> queues = new ArrayList<>();
        if (body.has("queues")) {
            if (!body.get("queues").isArray()) {
                return Mono.error(ApiException.badRequest("invalid_queues", "queues is a list of queue names"));
            }
            body.get("queues").forEach(q -> queues.add(q.asText()));
        }
        int maxChats = body.path("maxChats").asInt(0);
        if (body.has("maxChats") && (maxChats < 1 || maxChats > MAX_CHATS_LIMIT)) {
            return Mono.error(ApiException.badRequest("invalid_max_chats", "maxChats is between 1 and " + MAX_CHATS_LIMIT));
        }
        return agents.save(new AgentPresence(principal.getName(), status, queues, maxChats, clock.instant()));
    }

    @GetMapping("/api/agent/me/presence")
    Mono<AgentPresence> myPresence(Principal principal) {
        // Before the agent saved a presence, the queues an admin gave the user are the starting point.
        return agents.find(principal.getName()).switchIfEmpty(Mono.defer(() -> users.findByUsername(principal.getName())
                .map(StaffUser::queues).defaultIfEmpty(List.of())
                .map(queues -> new AgentPresence(principal.getName(), AgentPresence.AWAY, queues, 0, null))));
    }

    private static HandoffService.Release parseRelease(JsonNode body) {
        if (body == null || !body.isObject()) {
            body = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        }
        HandoffService.PromiseInput promise = null;
        JsonNode p = body.get("promise");
        if (p != null && p.isObject()) {
            try {
                LocalDate date = p.hasNonNull("date") ? LocalDate.parse(p.get("date").asText()) : null;
                BigDecimal amount = p.hasNonNull("amount") ? new BigDecimal(p.get("amount").asText()) : null;
                promise = new HandoffService.PromiseInput(date, amount);
            } catch (DateTimeParseException | NumberFormatException e) {
                throw ApiException.badRequest("invalid_promise", "promise.date is yyyy-MM-dd and promise.amount a number");
            }
        }
        return new HandoffService.Release(body.path("close").asBoolean(false), text(body, "disposition"),
                text(body, "resumeStep"), text(body, "note"), promise);
    }

    private static String text(JsonNode body, String field) {
        if (body == null || !body.hasNonNull(field)) {
            return null;
        }
        return body.get(field).asText();
    }

    static boolean supervises(Principal principal) {
        return principal instanceof Authentication auth && auth.getAuthorities().stream().anyMatch(a ->
                a.getAuthority().equals(Role.SUPERVISOR.authority()) || a.getAuthority().equals(Role.ADMIN.authority()));
    }
}

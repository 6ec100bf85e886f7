package dev.cobra.runtime.compliance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cobra.runtime.debtor.DebtorDirectory;
import dev.cobra.runtime.web.error.ApiException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The consent ledger over HTTP: {@code POST /api/compliance/consent}
 * {@code {"debtorId","channel","optedIn":true,"evidence","source","at"?}} records an opt-in (evidence and source
 * required: they are what makes it an opt-in) or an opt-out (withdraws every channel);
 * {@code GET /api/compliance/consent?debtorId=} gives the current consent and the history.
 */
@RestController
public class ConsentController {

    private final ConsentLedger ledger;
    private final DebtorDirectory debtors;
    private final Clock clock;

    public ConsentController(ConsentLedger ledger, DebtorDirectory debtors, ObjectProvider<Clock> clock) {
        this.ledger = ledger;
        this.debtors = debtors;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @PostMapping("/api/compliance/consent")
    public Mono<ConsentLedger.Entry> record(@RequestBody JsonNode body) {
        String debtorId = text(body, "debtorId");
        String channel = text(body, "channel");
        if (debtorId == null) {
            throw ApiException.badRequest("missing_debtor", "debtorId is required.");
        }
        CanContactController.requireChannel(channel);
        if (!body.path("optedIn").isBoolean()) {
            throw ApiException.badRequest("invalid_consent", "optedIn must be true or false.");
        }
        boolean optedIn = body.path("optedIn").asBoolean();
        String evidence = text(body, "evidence");
        String source = text(body, "source");
        if (optedIn && (evidence == null || source == null)) {
            throw ApiException.badRequest("missing_evidence",
                    "An opt-in needs its evidence (what the debtor agreed to, naming the business and channel) and source.");
        }
        Instant at = at(text(body, "at"));
        return StaffRoles.username()
                .flatMap(user -> ledger.record(new ConsentLedger.Entry(null, debtorId, channel, optedIn, evidence,
                        source == null ? "staff" : source, at, user)))
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("No debtor with this id.")));
    }

    @GetMapping("/api/compliance/consent")
    public Mono<Map<String, Object>> get(@RequestParam(required = false) String debtorId) {
        if (debtorId == null || debtorId.isBlank()) {
            throw ApiException.badRequest("missing_debtor", "debtorId is required.");
        }
        return debtors.findById(debtorId)
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("No debtor with this id.")))
                .flatMap(debtor -> ledger.history(debtorId).collectList().map(history -> {
                    Map<String, Object> view = new LinkedHashMap<>();
                    view.put("debtorId", debtorId);
                    view.put("optedOut", debtor.optedOut());
                    view.put("consent", debtor.consent());
                    view.put("history", history);
                    return view;
                }));
    }

    private Instant at(String value) {
        if (value == null) {
            return clock.instant();
        }
        try {
            Instant at = Instant.parse(value);
            if (at.isAfter(clock.instant().plusSeconds(300))) {
                throw ApiException.badRequest("invalid_consent", "at cannot be in the future.");
            }
            return at;
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("invalid_consent", "at must be an ISO-8601 instant such as 2026-11-02T15:04:05Z.");
        }
    }

    private static String text(JsonNode body, String field) {
        if (body == null) {
            throw ApiException.badRequest("invalid_consent", "The body must be a JSON object.");
        }
        JsonNode node = body.path(field);
        return node.isTextual() && !node.asText().isBlank() ? node.asText().trim() : null;
    }
}

package dev.cobra.runtime.collections;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cobra.runtime.account.Hold;
import dev.cobra.runtime.web.error.ApiException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The debt account API: {@code GET /api/debtors/{id}/account} (any staff role), {@code POST
 * /api/debtors/{id}/holds} {@code {"type","reason","debtId","until"}} places a hold (agents, supervisors, admins),
 * {@code DELETE /api/debtors/{id}/holds/{type}} {@code {"note"}} lifts one (supervisors and admins; the note is
 * required and kept with who lifted it and when).
 */
@RestController
public class AccountController {

    /** Longest note or reason kept with a hold. */
    static final int MAX_TEXT = 1000;

    private final DebtorAccountView view;
    private final DebtorHolds holds;
    private final Clock clock;

    public AccountController(DebtorAccountView view, DebtorHolds holds, ObjectProvider<Clock> clock) {
        this.view = view;
        this.holds = holds;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @GetMapping("/api/debtors/{id}/account")
    public Mono<Map<String, Object>> account(@PathVariable String id) {
        return view.view(id, clock.instant());
    }

    @PostMapping("/api/debtors/{id}/holds")
    public Mono<ResponseEntity<Map<String, Object>>> place(@PathVariable String id,
                                                           @RequestBody(required = false) JsonNode body,
                                                           Principal principal) {
        Instant now = clock.instant();
        String type = text(body, "type");
        if (type == null || !Hold.TYPES.contains(type)) {
            throw ApiException.badRequest("invalid_hold_type", "type must be one of " + Hold.TYPES + ".");
        }
        String reason = text(body, "reason");
        if (reason == null) {
            throw ApiException.badRequest("missing_reason", "reason is required.");
        }
        Instant until = null;
        String untilText = text(body, "until");
        if (untilText != null) {
            try {
                until = Instant.parse(untilText);
            } catch (DateTimeParseException e) {
                throw ApiException.badRequest("invalid_until", "until must be an ISO-8601 instant.");
            }
            if (!until.isAfter(now)) {
                throw ApiException.badRequest("invalid_until", "until must be in the future.");
            }
        }
        Hold hold = new Hold(type, text(body, "debtId"), reason, now, until, principal.getName());
        return view.view(id, now)
                .then(holds.place(id, hold, now))
                .map(placed -> ResponseEntity.status(placed == hold ? HttpStatus.CREATED : HttpStatus.OK)
                        .body(DebtorAccountView.hold(placed)));
    }

    @DeleteMapping("/api/debtors/{id}/holds/{type}")
    public Mono<Map<String, Object>> lift(@PathVariable String id, @PathVariable String type,
                                          @RequestBody(required = false) JsonNode body, Principal principal) {
        if (!Hold.TYPES.contains(type)) {
            throw ApiException.badRequest("invalid_hold_type", "type must be one of " + Hold.TYPES + ".");
        }
        String note = text(body, "note");
        if (note == null) {
            throw ApiException.badRequest("missing_note", "Lifting a hold needs a note saying why.");
        }
        Instant now = clock.instant();
        return view.view(id, now)
                .then(holds.lift(id, type, principal.getName(), note, now))
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("The debtor has no " + type + " hold in force.")))
                .map(lifted -> {
                    Map<String, Object> row = DebtorAccountView.hold(lifted.hold());
                    row.put("liftedAt", lifted.liftedAt().toString());
                    row.put("liftedBy", lifted.liftedBy());
                    row.put("note", lifted.note());
                    return row;
                });
    }

    private static String text(JsonNode body, String field) {
        if (body == null || !body.isObject()) {
            return null;
        }
        JsonNode value = body.get(field);
        if (value == null || value.isNull() || !value.isTextual() || value.asText().isBlank()) {
            return null;
        }
        String text = value.asText().strip();
        if (text.length() > MAX_TEXT) {
            throw ApiException.badRequest("too_long", field + " must be at most " + MAX_TEXT + " characters.");
        }
        return text;
    }
}

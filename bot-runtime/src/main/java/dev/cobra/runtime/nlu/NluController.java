package dev.cobra.runtime.nlu;

import dev.cobra.nlp.api.Entity;
import dev.cobra.nlp.api.ScoredIntent;
import dev.cobra.runtime.web.error.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/nlu/parse} (CONTRACTS.md): the runtime's reading of one message, in Rasa's field names.
 * Designers use it to debug flows; staff only.
 */
@RestController
@RequestMapping("/api/nlu")
public class NluController {

    /** Longest text accepted: WhatsApp's own limit for a text message body. */
    public static final int MAX_TEXT_LENGTH = 4_096;
    /** Ranking entries returned (the model scores every label; the tail is noise to a reader). */
    static final int RANKING_SIZE = 10;

    private final NluService nlu;

    public NluController(NluService nlu) {
        this.nlu = nlu;
    }

    /** The request body; every field but {@code text} is optional. */
    public record ParseRequest(String text, String locale, String referenceDate, String timezone) {
    }

    @PostMapping("/parse")
    public Mono<Map<String, Object>> parse(@RequestBody ParseRequest request) {
        if (request == null || request.text() == null) {
            return Mono.error(ApiException.badRequest("missing_text", "The field 'text' is required."));
        }
        if (request.text().length() > MAX_TEXT_LENGTH) {
            return Mono.error(new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "text_too_long",
                    "The text is longer than " + MAX_TEXT_LENGTH + " characters."));
        }
        ZoneId zone;
        try {
            zone = request.timezone() == null || request.timezone().isBlank() ? ZoneOffset.UTC
                    : ZoneId.of(request.timezone());
        } catch (DateTimeException e) {
            return Mono.error(ApiException.badRequest("invalid_timezone",
                    "'timezone' must be an IANA time zone such as America/Bogota."));
        }
        LocalDate referenceDate;
        try {
            referenceDate = request.referenceDate() == null || request.referenceDate().isBlank()
                    ? LocalDate.now(zone) : LocalDate.parse(request.referenceDate());
        } catch (DateTimeException e) {
            return Mono.error(ApiException.badRequest("invalid_reference_date",
                    "'referenceDate' must be an ISO date such as 2026-11-22."));
        }
        return nlu.parse(request.text(), request.locale(), referenceDate, zone).map(NluController::toRasaShape);
    }

    static Map<String, Object> toRasaShape(NluResult result) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", result.text());
        body.put("intent", intent(result.prediction().intent(), result.prediction().confidence()));
        List<Map<String, Object>> ranking = new ArrayList<>();
        for (ScoredIntent s : result.prediction().ranking()) {
            if (ranking.size() == RANKING_SIZE) {
                break;
            }
            ranking.add(intent(s.name(), s.confidence()));
        }
        body.put("intent_ranking", ranking);
        List<Map<String, Object>> entities = new ArrayList<>();
        for (Entity e : result.entities()) {
            Map<String, Object> entity = new LinkedHashMap<>();
            entity.put("entity", e.entity());
            entity.put("value", e.value());
            entity.put("start", e.start());
            entity.put("end", e.end());
            entity.put("text", e.text());
            if (e.currency() != null) {
                entity.put("currency", e.currency());
            }
            entities.add(entity);
        }
        body.put("entities", entities);
        body.put("fallback", result.fallback());
        body.put("language", result.prediction().language());
        if (result.clauses().size() > 1) {
            List<Map<String, Object>> clauses = new ArrayList<>();
            for (int i = 0; i < result.clauses().size(); i++) {
                var c = result.clauses().get(i);
                Map<String, Object> clause = new LinkedHashMap<>();
                clause.put("text", c.clause().text());
                clause.put("start", c.clause().start());
                clause.put("end", c.clause().end());
                clause.put("intent", intent(c.prediction().intent(), c.prediction().confidence()));
                clause.put("main", i == result.mainClause());
                clauses.add(clause);
            }
            body.put("clauses", clauses);
        }
        if (result.analyzer() != null) {
            body.put("analyzer", result.analyzer());
        }
        return body;
    }

    private static Map<String, Object> intent(String name, double confidence) {
        Map<String, Object> intent = new LinkedHashMap<>();
        intent.put("name", name);
        intent.put("confidence", confidence);
        return intent;
    }
}

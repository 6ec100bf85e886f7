package dev.cobra.runtime.compliance;

import dev.cobra.runtime.web.error.ApiException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

/**
 * The contact audit trail export (ADMIN, SUPERVISOR by the path rules):
 * {@code GET /api/compliance/audit?debtorId=&from=&to=&format=json|csv}. {@code from} is inclusive, {@code to}
 * exclusive; each is an ISO instant or a date ({@code yyyy-MM-dd}, midnight UTC). Oldest first, at most
 * {@value #MAX_ROWS} rows.
 */
@RestController
public class AuditController {

    static final int MAX_ROWS = 100_000;
    static final List<String> COLUMNS = Arrays.asList("id", "at", "debtorId", "channel", "purpose", "sourceId",
            "template", "country", "debtorLocalTime", "consentBasis", "allowed", "reason", "nextAllowedAt");

    private final ContactAuditTrail audit;

    public AuditController(ContactAuditTrail audit) {
        this.audit = audit;
    }

    @GetMapping("/api/compliance/audit")
    public Mono<ResponseEntity<?>> export(@RequestParam(required = false) String debtorId,
                                          @RequestParam(required = false) String from,
                                          @RequestParam(required = false) String to,
                                          @RequestParam(defaultValue = "json") String format) {
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        if (start != null && end != null && !start.isBefore(end)) {
            throw ApiException.badRequest("invalid_period", "from must be before to.");
        }
        Flux<AuditRow> rows = audit.find(debtorId == null || debtorId.isBlank() ? null : debtorId, start, end, MAX_ROWS);
        if ("csv".equalsIgnoreCase(format)) {
            return rows.map(AuditController::csvLine).startWith(Csv.line(COLUMNS)).collectList()
                    .map(lines -> ResponseEntity.ok()
                            .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                            .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"contact-audit.csv\"")
                            .body(String.join("", lines)));
        }
        if (!"json".equalsIgnoreCase(format)) {
            throw ApiException.badRequest("invalid_format", "format must be json or csv.");
        }
        return rows.collectList().map(list -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(list));
    }

    private static String csvLine(AuditRow row) {
        return Csv.line(Arrays.asList(row.id(), row.at(), row.debtorId(), row.channel(), row.purpose(), row.sourceId(),
                row.template(), row.country(), row.debtorLocalTime(), row.consentBasis(), row.allowed(), row.reason(),
                row.nextAllowedAt()));
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("invalid_period", name + " must be an ISO instant or a yyyy-MM-dd date.");
        }
    }
}

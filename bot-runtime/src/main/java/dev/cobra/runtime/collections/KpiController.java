package dev.cobra.runtime.collections;

import dev.cobra.runtime.web.error.ApiException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * {@code GET /api/kpis?from&to&campaignId&flowId} (ADMIN, SUPERVISOR). {@code from}/{@code to} are ISO instants or
 * dates ({@code to} as a date includes that whole day, UTC); the default is the last 30 days. At most 366 days.
 */
@RestController
public class KpiController {

    static final Duration MAX_RANGE = Duration.ofDays(366);

    private final KpiService kpis;
    private final Clock clock;

    public KpiController(KpiService kpis, ObjectProvider<Clock> clock) {
        this.kpis = kpis;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @GetMapping("/api/kpis")
    public Mono<Map<String, Object>> kpis(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                          @RequestParam(required = false) String campaignId,
                                          @RequestParam(required = false) String flowId) {
        Instant end = to == null || to.isBlank() ? clock.instant() : parse(to, true);
        Instant start = from == null || from.isBlank() ? end.minus(Duration.ofDays(30)) : parse(from, false);
        if (!start.isBefore(end)) {
            throw ApiException.badRequest("invalid_range", "from must be before to.");
        }
        if (Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
            throw ApiException.badRequest("range_too_long", "The range may be at most 366 days.");
        }
        return kpis.compute(new KpiService.Filter(start, end, blankToNull(campaignId), blankToNull(flowId)));
    }

    static Instant parse(String value, boolean endOfDay) {
        try {
            if (value.length() == 10) {
                LocalDate date = LocalDate.parse(value);
                return (endOfDay ? date.plusDays(1) : date).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("invalid_date", "from and to must be ISO dates (2026-11-01) or instants.");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}

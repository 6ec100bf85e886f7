package dev.cobra.runtime.compliance;

import dev.cobra.runtime.web.error.ApiException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.util.Map;

/**
 * {@code GET /api/compliance/holidays?country=CO&year=2026}: the public holidays the contact policy skips for a
 * country (when its policy says so), for the compliance screen. Year defaults to the current one.
 */
@RestController
public class HolidaysController {

    private final HolidayCalendar calendar;
    private final Clock clock;

    public HolidaysController(HolidayCalendar calendar, ObjectProvider<Clock> clock) {
        this.calendar = calendar;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @GetMapping("/api/compliance/holidays")
    public Mono<Map<String, Object>> holidays(@RequestParam String country, @RequestParam(required = false) Integer year) {
        String code = PolicyController.countryCode(country);
        int y = year == null ? Year.now(clock).getValue() : year;
        if (y < 2000 || y > 2100) {
            throw ApiException.badRequest("invalid_year", "year must be between 2000 and 2100.");
        }
        // The holiday library reads its calendar files on first use: off the event loop.
        return Mono.fromCallable(() -> calendar.holidays(code, y)).subscribeOn(Schedulers.boundedElastic())
                .map(dates -> Map.of("country", code, "year", y,
                        "holidays", dates.stream().map(LocalDate::toString).toList()));
    }
}

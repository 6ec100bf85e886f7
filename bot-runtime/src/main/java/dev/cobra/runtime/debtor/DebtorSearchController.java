package dev.cobra.runtime.debtor;

import dev.cobra.runtime.web.error.ApiException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

import java.time.Clock;
import java.time.LocalDate;

/**
 * {@code GET /api/debtors?q=ana}: the portfolio screen's search by id, name, email or phone digits. Mapped only
 * when {@code q} is present, so the paging route of {@link DebtorController} keeps its meaning.
 */
@RestController
public class DebtorSearchController {

    static final int MAX_RESULTS = 100;

    private final DebtorStore store;
    private final Clock clock;

    public DebtorSearchController(DebtorStore store, ObjectProvider<Clock> clock) {
        this.store = store;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @GetMapping(path = "/api/debtors", params = "q")
    public Flux<DebtorView> search(@RequestParam String q, @RequestParam(defaultValue = "50") int limit) {
        if (q.isBlank() || q.length() > 100) {
            throw ApiException.badRequest("invalid_query", "q must be 1 to 100 characters.");
        }
        if (limit < 1 || limit > MAX_RESULTS) {
            throw ApiException.badRequest("invalid_limit", "limit must be between 1 and " + MAX_RESULTS + ".");
        }
        return store.search(q, limit)
                .map(debtor -> DebtorView.of(debtor, LocalDate.now(clock.withZone(debtor.zone()))));
    }
}

package dev.cobra.runtime.debtor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.cobra.runtime.web.error.ApiException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The portfolio API (CONTRACTS.md, "Portfolio"): JSON array and CSV imports (idempotent upserts by id), reading
 * one debtor, and paging through the portfolio. Bodies are read as text and parsed here, so that a row with a
 * wrong type is one rejected row instead of a failed request. Parsing and validation run off the event loop.
 */
@RestController
public class DebtorController {

    private final PortfolioImporter importer;
    private final DebtorDirectory directory;
    private final DebtorStore store;
    private final ObjectReader jsonReader;
    private final Clock clock;

    public DebtorController(PortfolioImporter importer, DebtorDirectory directory, DebtorStore store,
                            ObjectMapper objectMapper, ObjectProvider<Clock> clock) {
        this.importer = importer;
        this.directory = directory;
        this.store = store;
        // Exact decimals for balances (no binary floating point on money).
        this.jsonReader = objectMapper.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @PostMapping(path = "/api/debtors", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ImportReport> importJson(@RequestBody String body) {
        return Mono.fromCallable(() -> jsonRows(body))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(importer::importRows);
    }

    @PostMapping(path = "/api/debtors/import", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    public Mono<ImportReport> importCsv(@RequestBody String body) {
        return Mono.fromCallable(() -> csvRows(body))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(importer::importRows);
    }

    /** Largest page of {@code GET /api/debtors}; keeps one answer small enough for the staff app. */
    static final int MAX_PAGE = 200;

    /** The portfolio in id order, a page at a time: pass the last id of a page as {@code after} for the next. */
    @GetMapping("/api/debtors")
    public Flux<DebtorView> page(@RequestParam(required = false) String after,
                                 @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw ApiException.badRequest("invalid_limit", "limit must be between 1 and " + MAX_PAGE + ".");
        }
        return store.page(after, limit)
                .map(debtor -> DebtorView.of(debtor, LocalDate.now(clock.withZone(debtor.zone()))));
    }

    @GetMapping("/api/debtors/{id}")
    public Mono<DebtorView> get(@PathVariable String id) {
        return directory.findById(id)
                .map(debtor -> DebtorView.of(debtor, LocalDate.now(clock.withZone(debtor.zone()))))
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("No debtor with this id.")));
    }

    private List<PortfolioImporter.Row> jsonRows(String body) {
        JsonNode root;
        try {
            root = jsonReader.readTree(body);
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            throw ApiException.badRequest("malformed_json", "The request body is not valid JSON"
                    + (location == null ? ""
                    : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")")
                    + ".");
        }
        if (root == null || !root.isArray()) {
            throw ApiException.badRequest("expected_array", "The body must be a JSON array of debtors.");
        }
        if (root.size() > DebtorCsvReader.MAX_ROWS) {
            throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "too_many_rows",
                    "At most " + DebtorCsvReader.MAX_ROWS + " debtors per request; split the import.");
        }
        List<PortfolioImporter.Row> rows = new ArrayList<>(root.size());
        for (int i = 0; i < root.size(); i++) {
            rows.add(new PortfolioImporter.Row(i + 1, root.get(i), null));
        }
        return rows;
    }

    private static List<PortfolioImporter.Row> csvRows(String body) {
        return new DebtorCsvReader().read(body).stream()
                .map(row -> new PortfolioImporter.Row(row.row(), row.debtor(), row.error()))
                .toList();
    }
}

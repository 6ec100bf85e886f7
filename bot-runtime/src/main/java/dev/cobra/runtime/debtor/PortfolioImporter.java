package dev.cobra.runtime.debtor;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Imports portfolio rows: each row is validated completely, then written as one atomic upsert of one document.
 * A bad row is reported and skipped; it never stops the good ones and never leaves a half-written debtor.
 * Rows are written one after another, so a debtor listed twice ends with the later row.
 */
@Service
public class PortfolioImporter {

    private static final Logger log = LoggerFactory.getLogger(PortfolioImporter.class);

    private final DebtorStore store;
    private final DebtorRowValidator validator = new DebtorRowValidator();

    private final List<PortfolioListener> listeners;

    public PortfolioImporter(DebtorStore store, List<PortfolioListener> listeners) {
        this.store = store;
        this.listeners = List.copyOf(listeners);
    }

    /** A row to import: its number for the report and the debtor in JSON shape, or a parse error. */
    public record Row(int number, JsonNode debtor, String parseError) {
    }

    public Mono<ImportReport> importRows(List<Row> rows) {
        AtomicInteger created = new AtomicInteger();
        AtomicInteger updated = new AtomicInteger();
        List<ImportReport.RejectedRow> rejected = new ArrayList<>();
        return Flux.fromIterable(rows)
                .concatMap(row -> importOne(row, created, updated, rejected))
                .then(Mono.fromSupplier(() -> {
                    rejected.sort(Comparator.comparingInt(ImportReport.RejectedRow::row));
                    log.info("portfolio.import rows={} created={} updated={} rejected={}", rows.size(),
                            created.get(), updated.get(), rejected.size());
                    return new ImportReport(created.get(), updated.get(), List.copyOf(rejected));
                }));
    }

    private Mono<Void> importOne(Row row, AtomicInteger created, AtomicInteger updated,
                                 List<ImportReport.RejectedRow> rejected) {
        if (row.parseError() != null) {
            String id = row.debtor() != null && row.debtor().hasNonNull("id") ? row.debtor().get("id").asText() : null;
            rejected.add(new ImportReport.RejectedRow(row.number(), id, List.of(row.parseError())));
            return Mono.empty();
        }
        DebtorRowValidator.ValidatedRow validated = validator.validate(row.debtor());
        if (!validated.valid()) {
            rejected.add(new ImportReport.RejectedRow(row.number(), validated.id(), validated.errors()));
            return Mono.empty();
        }
        Debtor debtor = validated.debtor();
        if (validated.documentLast4() != null) {
            debtor = withDocumentHash(debtor, DocumentHasher.hash(validated.documentLast4()));
        }
        Debtor imported = debtor;
        // Deferred: a failure while building the write (not only while sending it) is this row's, not the batch's.
        return Mono.defer(() -> store.upsert(imported))
                .flatMap(outcome -> reactor.core.publisher.Flux.fromIterable(listeners)
                        .concatMap(listener -> listener.imported(imported, java.time.Instant.now()))
                        .then(Mono.just(outcome)))
                .doOnNext(outcome -> (outcome == DebtorStore.UpsertOutcome.CREATED ? created : updated)
                        .incrementAndGet())
                .onErrorResume(e -> {
                    log.warn("portfolio.import.row.failed row={} cause={}", row.number(), e.toString());
                    rejected.add(new ImportReport.RejectedRow(row.number(), validated.id(),
                            List.of("could not be stored; try again")));
                    return Mono.empty();
                })
                .then();
    }

    private static Debtor withDocumentHash(Debtor d, String hash) {
        return new Debtor(d.id(), d.name(), d.phone(), d.email(), d.locale(), d.timezone(), d.country(), hash,
                d.consent(), d.debts(), d.bsuids(), d.optedOut(), d.wrongParty());
    }
}

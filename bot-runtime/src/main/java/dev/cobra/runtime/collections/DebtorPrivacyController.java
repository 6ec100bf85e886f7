package dev.cobra.runtime.collections;

import dev.cobra.runtime.web.error.ApiException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.Map;

/**
 * GDPR endpoints (ADMIN): {@code POST /api/debtors/{id}/erase} or {@code DELETE /api/debtors/{id}?erase=true}
 * erase a debtor; {@code GET /api/debtors/{id}/export} answers their data as JSON.
 */
@RestController
public class DebtorPrivacyController {

    private final DebtorErasure erasure;
    private final DebtorExport export;
    private final Clock clock;

    public DebtorPrivacyController(DebtorErasure erasure, DebtorExport export, ObjectProvider<Clock> clock) {
        this.erasure = erasure;
        this.export = export;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @PostMapping("/api/debtors/{id}/erase")
    public Mono<DebtorErasure.Erased> erase(@PathVariable String id) {
        return erasure.erase(id, clock.instant())
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("No debtor with this id.")));
    }

    @DeleteMapping("/api/debtors/{id}")
    public Mono<DebtorErasure.Erased> delete(@PathVariable String id, @RequestParam(defaultValue = "false") boolean erase) {
        if (!erase) {
            throw ApiException.badRequest("erase_required",
                    "Deleting a debtor erases their personal data everywhere; confirm with ?erase=true.");
        }
        return erase(id);
    }

    @GetMapping("/api/debtors/{id}/export")
    public Mono<Map<String, Object>> export(@PathVariable String id) {
        return export.export(id).switchIfEmpty(Mono.error(() -> ApiException.notFound("No debtor with this id.")));
    }
}

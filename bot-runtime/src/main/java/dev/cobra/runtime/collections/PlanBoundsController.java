package dev.cobra.runtime.collections;

import dev.cobra.runtime.web.error.ApiException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;

/**
 * Creditor bounds for payment plans, per product (ADMIN): {@code GET /api/plan-bounds},
 * {@code GET|PUT|DELETE /api/plan-bounds/{product}} with
 * {@code {"minInstallment":50000,"maxInstallments":12,"downPaymentPercent":10,"maxDiscountPercent":0}}.
 * {@code default} is the product used when a debt's product has no bounds of its own.
 */
@RestController
public class PlanBoundsController {

    private final PlanBoundsStore store;

    public PlanBoundsController(PlanBoundsStore store) {
        this.store = store;
    }

    public record BoundsInput(BigDecimal minInstallment, Integer maxInstallments, BigDecimal downPaymentPercent,
                              BigDecimal maxDiscountPercent) {
    }

    @GetMapping("/api/plan-bounds")
    public Flux<PlanBounds> all() {
        return store.all();
    }

    @GetMapping("/api/plan-bounds/{product}")
    public Mono<PlanBounds> get(@PathVariable String product) {
        return store.forProduct(product);
    }

    @PutMapping("/api/plan-bounds/{product}")
    public Mono<PlanBounds> put(@PathVariable String product, @RequestBody BoundsInput input) {
        if (product.isBlank() || product.length() > 100) {
            throw ApiException.badRequest("invalid_product", "The product name must be 1 to 100 characters.");
        }
        if (input.maxInstallments() == null || input.maxInstallments() < 1 || input.maxInstallments() > 120) {
            throw ApiException.badRequest("invalid_max_installments", "maxInstallments must be between 1 and 120.");
        }
        if (input.minInstallment() != null && input.minInstallment().signum() < 0) {
            throw ApiException.badRequest("invalid_min_installment", "minInstallment must not be negative.");
        }
        percent(input.downPaymentPercent(), "downPaymentPercent");
        percent(input.maxDiscountPercent(), "maxDiscountPercent");
        return store.save(new PlanBounds(product, input.minInstallment() == null ? BigDecimal.ZERO : input.minInstallment(),
                input.maxInstallments(), zeroIfNull(input.downPaymentPercent()), zeroIfNull(input.maxDiscountPercent())));
    }

    @DeleteMapping("/api/plan-bounds/{product}")
    public Mono<ResponseEntity<Void>> delete(@PathVariable String product) {
        return store.delete(product).map(deleted -> deleted ? ResponseEntity.noContent().<Void>build()
                : ResponseEntity.notFound().<Void>build());
    }

    private static void percent(BigDecimal value, String field) {
        if (value != null && (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) >= 0)) {
            throw ApiException.badRequest("invalid_" + field, field + " must be from 0 to below 100.");
        }
    }

    private static BigDecimal zeroIfNull(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}

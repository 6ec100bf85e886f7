package dev.cobra.runtime.collections;

import org.bson.Document;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Payment plans as the account shows them: status, and the installments with their dates, amounts and status. An
 * accepted plan's installments are promises ({@link PromiseStore}), so their status is the promise's: {@code OPEN},
 * {@code KEPT} or {@code BROKEN}; the plan is {@code COMPLETED} when every installment is kept, {@code BROKEN} when
 * one was broken, else {@code ACTIVE}. A request for a person to decide is {@code REQUESTED}, without installments.
 */
@Component
public class PaymentPlans {

    public static final String ACTIVE = "ACTIVE";
    public static final String COMPLETED = "COMPLETED";

    private final PlanRequestStore plans;
    private final PromiseStore promises;

    public PaymentPlans(PlanRequestStore plans, PromiseStore promises) {
        this.plans = plans;
        this.promises = promises;
    }

    public Mono<List<Map<String, Object>>> forDebtor(String debtorId) {
        return plans.latest(debtorId, 50).concatMap(this::withInstallments).collectList();
    }

    private Mono<Map<String, Object>> withInstallments(Document doc) {
        Flux<Document> installments = PlanRequestStore.ACCEPTED.equals(doc.getString("status"))
                ? promises.installments(doc.getObjectId("_id").toHexString()) : Flux.empty();
        return installments.collectList().map(rows -> plan(doc, rows));
    }

    static Map<String, Object> plan(Document doc, List<Document> installments) {
        List<Map<String, Object>> rows = installments.stream().map(i -> {
            Map<String, Object> installment = new LinkedHashMap<>();
            installment.put("number", i.get("installment"));
            installment.put("date", i.getString("date"));
            installment.put("amount", amount(i.getString("amount")));
            installment.put("status", i.getString("status"));
            return installment;
        }).toList();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", doc.get("_id") == null ? null : doc.get("_id").toString());
        row.put("status", status(doc.getString("status"), rows));
        row.put("debtId", doc.getString("debtId"));
        row.put("currency", doc.getString("currency"));
        row.put("total", amount(doc.getString("amount")));
        row.put("installmentsRequested", doc.get("installments"));
        row.put("createdAt", doc.getDate("createdAt") == null ? null : doc.getDate("createdAt").toInstant().toString());
        row.put("installments", rows);
        return row;
    }

    static String status(String stored, List<Map<String, Object>> installments) {
        if (!PlanRequestStore.ACCEPTED.equals(stored) || installments.isEmpty()) {
            return stored;
        }
        if (installments.stream().anyMatch(i -> PromiseStore.BROKEN.equals(i.get("status")))) {
            return PromiseStore.BROKEN;
        }
        return installments.stream().allMatch(i -> PromiseStore.KEPT.equals(i.get("status"))) ? COMPLETED : ACTIVE;
    }

    private static BigDecimal amount(String text) {
        return text == null ? null : new BigDecimal(text);
    }
}

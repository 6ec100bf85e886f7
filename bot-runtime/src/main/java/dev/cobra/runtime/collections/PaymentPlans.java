package dev.cobra.runtime.collections;

import org.bson.Document;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Payment plans as the account shows them: status, and the installments with their dates, amounts and status. */
@Component
public class PaymentPlans {

    private final PlanRequestStore plans;

    public PaymentPlans(PlanRequestStore plans) {
        this.plans = plans;
    }

    public Mono<List<Map<String, Object>>> forDebtor(String debtorId) {
        return plans.latest(debtorId, 50).map(PaymentPlans::plan).collectList();
    }

    static Map<String, Object> plan(Document doc) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("status", doc.getString("status"));
        row.put("debtId", doc.getString("debtId"));
        row.put("currency", doc.getString("currency"));
        row.put("total", doc.getString("amount") == null ? null : new BigDecimal(doc.getString("amount")));
        row.put("installmentsRequested", doc.get("installments"));
        row.put("installments", doc.getList("schedule", Document.class, List.of()).stream().map(i -> {
            Map<String, Object> installment = new LinkedHashMap<>();
            installment.put("date", i.getString("date"));
            installment.put("amount", i.getString("amount") == null ? null : new BigDecimal(i.getString("amount")));
            installment.put("status", i.getString("status"));
            return installment;
        }).toList());
        return row;
    }
}

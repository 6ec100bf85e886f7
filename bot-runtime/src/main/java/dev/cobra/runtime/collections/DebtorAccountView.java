package dev.cobra.runtime.collections;

import dev.cobra.runtime.account.AccountPayment;
import dev.cobra.runtime.account.DebtAccountStore;
import dev.cobra.runtime.account.DebtAccounts;
import dev.cobra.runtime.account.DebtPosition;
import dev.cobra.runtime.account.Hold;
import dev.cobra.runtime.account.HoldStore;
import dev.cobra.runtime.debtor.DebtorDirectory;
import dev.cobra.runtime.web.error.ApiException;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A debtor's account as {@code GET /api/debtors/{id}/account} answers it (CONTRACTS.md, "Debt accounts and
 * holds"): each debt's imported balance, what was paid since, what is outstanding and its status; the holds in
 * force (and the lifted ones, for the audit); promises (plan installments show with their plan); payment plans with their installments; and the payments.
 */
@Component
public class DebtorAccountView {

    private final DebtorDirectory portfolio;
    private final DebtAccounts accounts;
    private final DebtAccountStore accountStore;
    private final HoldStore holds;
    private final PromiseStore promises;
    private final PaymentPlans plans;

    public DebtorAccountView(@Qualifier(DebtorDirectory.PORTFOLIO) DebtorDirectory portfolio, DebtAccounts accounts,
                             DebtAccountStore accountStore, HoldStore holds, PromiseStore promises, PaymentPlans plans) {
        this.portfolio = portfolio;
        this.accounts = accounts;
        this.accountStore = accountStore;
        this.holds = holds;
        this.promises = promises;
        this.plans = plans;
    }

    public Mono<Map<String, Object>> view(String debtorId, Instant now) {
        return portfolio.findById(debtorId)
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("No debtor with this id.")))
                .flatMap(debtor -> Mono.zip(accounts.positions(debtor, now), holds.active(debtorId, now),
                                holds.lifted(debtorId), accountStore.find(debtorId),
                                promises.forDebtor(debtorId).collectList(), plans.forDebtor(debtorId))
                        .map(t -> {
                            Map<String, Object> view = new LinkedHashMap<>();
                            view.put("debtorId", debtorId);
                            view.put("debts", t.getT1().stream().map(DebtorAccountView::debt).toList());
                            view.put("holds", t.getT2().stream().map(DebtorAccountView::hold).toList());
                            view.put("promises", t.getT5().stream().filter(p -> p.get("planId") == null)
                                    .map(DebtorAccountView::promise).toList());
                            view.put("plans", t.getT6());
                            view.put("payments", payments(t.getT4().payments()));
                            view.put("liftedHolds", t.getT3().stream().map(l -> {
                                Map<String, Object> row = hold(l.hold());
                                row.put("liftedAt", l.liftedAt() == null ? null : l.liftedAt().toString());
                                row.put("liftedBy", l.liftedBy());
                                row.put("note", l.note());
                                return row;
                            }).toList());
                            return view;
                        }));
    }

    private static Map<String, Object> debt(DebtPosition p) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", p.debtId());
        row.put("product", p.product());
        row.put("currency", p.currency());
        row.put("balance", p.balance());
        row.put("paid", p.paid());
        row.put("outstanding", p.outstanding());
        row.put("status", p.status());
        return row;
    }

    static Map<String, Object> hold(Hold h) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("type", h.type());
        row.put("debtId", h.debtId());
        row.put("since", h.since() == null ? null : h.since().toString());
        row.put("until", h.until() == null ? null : h.until().toString());
        row.put("reason", h.reason());
        row.put("by", h.by());
        return row;
    }

    private static Map<String, Object> promise(Document p) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("date", p.getString("date"));
        row.put("amount", p.getString("amount") == null ? null : new BigDecimal(p.getString("amount")));
        row.put("currency", p.getString("currency"));
        row.put("status", p.getString("status"));
        return row;
    }

    /** One row per payment and debt it was applied to (a payment split over two debts is two rows). */
    private static List<Map<String, Object>> payments(List<AccountPayment> payments) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (AccountPayment p : payments) {
            List<AccountPayment.Allocation> parts = p.allocations().isEmpty()
                    ? List.of(new AccountPayment.Allocation(null, p.amount())) : p.allocations();
            for (AccountPayment.Allocation part : parts) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("reference", p.reference());
                row.put("debtId", part.debtId());
                row.put("amount", part.amount());
                row.put("currency", p.currency());
                row.put("paidAt", p.paidAt() == null ? null : p.paidAt().toString());
                row.put("source", p.source());
                row.put("reversed", p.reversed());
                rows.add(row);
            }
        }
        return rows;
    }
}

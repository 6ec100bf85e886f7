package dev.cobra.runtime.account;

import dev.cobra.runtime.debtor.Debt;
import dev.cobra.runtime.debtor.Debtor;
import dev.cobra.runtime.debtor.PortfolioListener;
import dev.cobra.runtime.web.error.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The debt accounts: what each debt still owes. A debt's outstanding amount is its imported balance minus the
 * payments applied to it since that balance was imported (reversed payments excluded); a new import with a
 * different balance starts over from it (the creditor's figure already includes what was paid before). Payments
 * are applied once per reference, whatever path reports them (the payments API, the payment page, an agent).
 *
 * <p>Implementation notes: every change is read → decide → compare-and-set on the account document's version,
 * retried when another writer came first, so two payments arriving together are both applied exactly once.
 */
@Component
public class DebtAccounts implements PortfolioListener {

    private static final Logger log = LoggerFactory.getLogger(DebtAccounts.class);
    private static final int MAX_RETRIES = 10;

    private final DebtAccountStore store;
    private final HoldStore holds;

    public DebtAccounts(DebtAccountStore store, HoldStore holds) {
        this.store = store;
        this.holds = holds;
    }

    /** A payment to apply. {@code debtId} may be null: the account splits it over the debts. */
    public record PaymentInput(String reference, String debtId, BigDecimal amount, String currency, Instant paidAt,
                               String source) {
    }

    /**
     * The result of applying (or reversing) a payment.
     *
     * @param changed     false when the account already had it (the same reference reported again)
     * @param settledNow  true when this change left nothing outstanding on any debt, and something was before
     */
    public record Applied(List<DebtPosition> before, List<DebtPosition> after, boolean changed, boolean settledNow) {

        public BigDecimal outstanding() {
            return after.stream().map(DebtPosition::outstanding).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    /** Each debt's position now, with {@code DISPUTED} for a debt under an active dispute hold. */
    public Mono<List<DebtPosition>> positions(Debtor debtor, Instant now) {
        return Mono.zip(store.find(debtor.id()), holds.active(debtor.id(), now))
                .map(t -> positions(debtor, t.getT1(), t.getT2()));
    }

    /** The debtor with every debt's balance replaced by the amount outstanding now. */
    public Mono<Debtor> withOutstanding(Debtor debtor) {
        if (debtor.debts().isEmpty()) {
            return Mono.just(debtor);
        }
        return store.find(debtor.id()).map(account -> {
            Map<String, DebtPosition> byDebt = new LinkedHashMap<>();
            positions(debtor, account, List.of()).forEach(p -> byDebt.put(p.debtId(), p));
            List<Debt> debts = debtor.debts().stream().map(d -> {
                DebtPosition p = byDebt.get(d.id());
                return p == null ? d : new Debt(d.id(), d.product(), p.outstanding(), d.currency(), d.dueDate());
            }).toList();
            return new Debtor(debtor.id(), debtor.name(), debtor.phone(), debtor.email(), debtor.locale(),
                    debtor.timezone(), debtor.country(), debtor.documentHash(), debtor.consent(), debts,
                    debtor.bsuids(), debtor.optedOut(), debtor.wrongParty());
        });
    }

    /** Applies a payment to {@code debtor}'s account (raw portfolio record: imported balances). */
    public Mono<Applied> applyPayment(Debtor debtor, PaymentInput payment, Instant now) {
        if (payment.debtId() != null && debtor.debts().stream().noneMatch(d -> d.id().equals(payment.debtId()))) {
            return Mono.error(ApiException.badRequest("unknown_debt", "The debtor has no debt with this debtId."));
        }
        return change(debtor, now, account -> {
            if (account.hasPayment(payment.reference())) {
                return null;
            }
            List<DebtPosition> current = positions(debtor, account, List.of());
            AccountPayment applied = new AccountPayment(payment.reference(), payment.amount(), payment.currency(),
                    payment.paidAt(), now, payment.source(), false, allocate(debtor, current, payment));
            List<AccountPayment> payments = new ArrayList<>(account.payments());
            payments.add(applied);
            return new AccountRecord(account.debtorId(), account.version(), withImports(debtor, account, now), payments);
        }).doOnNext(result -> {
            if (result.changed()) {
                log.info("account.payment.applied debtorId={} settled={}", debtor.id(), result.settledNow());
            }
        });
    }

    /** Reverses the payment {@code reference}; empty when the account has no such payment. */
    public Mono<Applied> reverse(Debtor debtor, String reference, Instant now) {
        return store.find(debtor.id()).filter(account -> account.hasPayment(reference))
                .flatMap(found -> change(debtor, now, account -> {
                    List<AccountPayment> payments = account.payments().stream()
                            .map(p -> p.reference().equals(reference) && !p.reversed() ? p.reverse() : p).toList();
                    return payments.equals(account.payments()) ? null
                            : new AccountRecord(account.debtorId(), account.version(), account.imports(), payments);
                }));
    }

    /** A new import: a debt whose balance changed starts over from the new balance. */
    @Override
    public Mono<Void> imported(Debtor debtor, Instant at) {
        return change(debtor, at, account -> {
            List<ImportedBalance> imports = withImports(debtor, account, at);
            return imports.equals(account.imports()) ? null
                    : new AccountRecord(account.debtorId(), account.version(), imports, account.payments());
        }).then();
    }

    /** Read → decide ({@code null}: nothing to change) → compare-and-set, retried on a concurrent change. */
    private Mono<Applied> change(Debtor debtor, Instant now, java.util.function.Function<AccountRecord, AccountRecord> decide) {
        return Mono.defer(() -> store.find(debtor.id()).flatMap(account -> {
                    List<DebtPosition> before = positions(debtor, account, List.of());
                    AccountRecord next = decide.apply(account);
                    if (next == null) {
                        return Mono.just(new Applied(before, before, false, false));
                    }
                    List<DebtPosition> after = positions(debtor, next, List.of());
                    boolean settledNow = settled(after) && !settled(before);
                    return store.write(next, account.version(), now).flatMap(written -> written
                            ? Mono.just(new Applied(before, after, true, settledNow))
                            : Mono.error(new ConcurrentChange()));
                }))
                .retryWhen(reactor.util.retry.Retry.max(MAX_RETRIES).filter(ConcurrentChange.class::isInstance));
    }

    private static final class ConcurrentChange extends RuntimeException {
        ConcurrentChange() {
            super("account changed meanwhile", null, false, false);
        }
    }

    /** True when the debtor has debts and none of them has anything outstanding. */
    public static boolean settled(List<DebtPosition> positions) {
        return !positions.isEmpty() && positions.stream().allMatch(DebtPosition::settled);
    }

    /** The imported balances, with an entry for every debt of the portfolio record. */
    private static List<ImportedBalance> withImports(Debtor debtor, AccountRecord account, Instant at) {
        Map<String, ImportedBalance> known = new LinkedHashMap<>();
        account.imports().forEach(i -> known.put(i.debtId(), i));
        List<ImportedBalance> out = new ArrayList<>();
        for (Debt debt : debtor.debts()) {
            BigDecimal balance = debt.balance() == null ? BigDecimal.ZERO : debt.balance();
            ImportedBalance previous = known.get(debt.id());
            if (previous == null) {
                // First seen: payments already recorded for it count (the balance is the one they were made against).
                out.add(new ImportedBalance(debt.id(), balance, Instant.EPOCH));
            } else if (previous.balance() == null || previous.balance().compareTo(balance) != 0) {
                out.add(new ImportedBalance(debt.id(), balance, at));
            } else {
                out.add(previous);
            }
        }
        return out;
    }

    static List<DebtPosition> positions(Debtor debtor, AccountRecord account, List<Hold> activeHolds) {
        Map<String, ImportedBalance> imports = new LinkedHashMap<>();
        account.imports().forEach(i -> imports.put(i.debtId(), i));
        boolean debtorDisputed = activeHolds.stream().anyMatch(h -> Hold.DISPUTE.equals(h.type()) && h.debtId() == null);
        List<DebtPosition> out = new ArrayList<>();
        for (Debt debt : debtor.debts()) {
            BigDecimal balance = debt.balance() == null ? BigDecimal.ZERO : debt.balance();
            ImportedBalance imported = imports.get(debt.id());
            Instant since = imported == null ? Instant.EPOCH : imported.since();
            BigDecimal paid = account.payments().stream()
                    .filter(p -> !p.reversed() && (p.recordedAt() == null || !p.recordedAt().isBefore(since)))
                    .flatMap(p -> p.allocations().stream())
                    .filter(a -> debt.id().equals(a.debtId()))
                    .map(AccountPayment.Allocation::amount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal outstanding = balance.subtract(paid).max(BigDecimal.ZERO);
            boolean disputed = debtorDisputed || activeHolds.stream()
                    .anyMatch(h -> Hold.DISPUTE.equals(h.type()) && debt.id().equals(h.debtId()));
            String status = outstanding.signum() <= 0 ? DebtPosition.PAID
                    : disputed ? DebtPosition.DISPUTED
                    : paid.signum() > 0 ? DebtPosition.PARTIALLY_PAID : DebtPosition.OPEN;
            out.add(new DebtPosition(debt.id(), debt.product(), debt.currency(), balance, paid, outstanding, status));
        }
        return out;
    }

    /**
     * How a payment splits over the debts: all to the debt it names; otherwise the most overdue debts in its currency
     * first, each up to what it owes, and any excess on the first of them. A payment in a currency no debt has is
     * recorded but reduces nothing.
     */
    static List<AccountPayment.Allocation> allocate(Debtor debtor, List<DebtPosition> positions, PaymentInput payment) {
        if (payment.debtId() != null) {
            return List.of(new AccountPayment.Allocation(payment.debtId(), payment.amount()));
        }
        Map<String, DebtPosition> byDebt = new LinkedHashMap<>();
        positions.forEach(p -> byDebt.put(p.debtId(), p));
        List<Debt> candidates = debtor.debts().stream()
                .filter(d -> payment.currency() == null || d.currency() == null
                        || payment.currency().equalsIgnoreCase(d.currency()))
                .sorted(Comparator.comparing(Debt::dueDate, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        if (candidates.isEmpty()) {
            return List.of();
        }
        BigDecimal left = payment.amount();
        Map<String, BigDecimal> split = new LinkedHashMap<>();
        for (Debt debt : candidates) {
            DebtPosition p = byDebt.get(debt.id());
            BigDecimal owed = p == null ? BigDecimal.ZERO : p.outstanding();
            BigDecimal part = left.min(owed);
            if (part.signum() > 0) {
                split.merge(debt.id(), part, BigDecimal::add);
                left = left.subtract(part);
            }
        }
        if (left.signum() > 0) {
            String first = candidates.stream().map(Debt::id).filter(id -> split.containsKey(id)).findFirst()
                    .orElse(candidates.get(0).id());
            split.merge(first, left, BigDecimal::add);
        }
        return split.entrySet().stream().filter(e -> Objects.nonNull(e.getValue()))
                .map(e -> new AccountPayment.Allocation(e.getKey(), e.getValue())).toList();
    }
}

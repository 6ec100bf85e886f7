package dev.cobra.runtime.collections;

import dev.cobra.runtime.account.DebtAccounts;
import dev.cobra.runtime.account.DebtPosition;
import dev.cobra.runtime.conversation.engine.CollectionActions.PlanAgreement;
import dev.cobra.runtime.conversation.engine.CollectionActions.PlanOffer;
import dev.cobra.runtime.conversation.engine.CollectionActions.PlanOfferRequest;
import dev.cobra.runtime.debtor.Debtor;
import dev.cobra.runtime.debtor.DebtorDirectory;
import dev.cobra.runtime.payment.PaymentObligations;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Payment plans the bot agrees with the debtor: the offer inside the creditor's bounds ({@link PlanSchedule}), the
 * accepted plan ({@link PlanRequestStore}) with one promise per installment ({@link PromiseStore}: the promise sweep
 * reminds the day before each date and breaks it when the date passes unpaid), and after each payment the
 * installments it covers marked kept: what was paid toward a plan is the plan's total less what the debt still owes
 * ({@link DebtAccounts}), and installment {@code n} is covered once that reaches the sum of installments 1 to n.
 */
@Component
public class PlanAgreements implements PaymentObligations {

    private static final Logger log = LoggerFactory.getLogger(PlanAgreements.class);

    private final PlanBoundsStore bounds;
    private final PlanRequestStore plans;
    private final PromiseStore promises;
    private final DebtAccounts accounts;
    private final DebtorDirectory portfolio;
    private final int firstDays;
    private final int maxStartDays;

    public PlanAgreements(PlanBoundsStore bounds, PlanRequestStore plans, PromiseStore promises, DebtAccounts accounts,
                          @Qualifier(DebtorDirectory.PORTFOLIO) DebtorDirectory portfolio,
                          @Value("${bot.plans.first-installment-days:7}") int firstDays,
                          @Value("${bot.plans.max-start-days:30}") int maxStartDays) {
        this.bounds = bounds;
        this.plans = plans;
        this.promises = promises;
        this.accounts = accounts;
        this.portfolio = portfolio;
        this.firstDays = firstDays;
        this.maxStartDays = maxStartDays;
    }

    /**
     * A schedule inside the bounds, or empty: then the flow records the request for a negotiator. A debtor whose
     * accepted plan still has open installments gets no second schedule from the bot: two plans on one debt would
     * remind and break twice, so changing a running plan is a person's decision.
     */
    public Mono<PlanOffer> offer(PlanOfferRequest request) {
        return hasRunningPlan(request.debtorId()).flatMap(running -> running ? Mono.<PlanOffer>empty()
                : bounds.forProduct(request.product()).flatMap(b -> Mono.justOrEmpty(PlanSchedule.offer(b,
                        request.outstanding(), request.installments(), request.statedDate(), request.today(),
                        firstDays, maxStartDays))));
    }

    private Mono<Boolean> hasRunningPlan(String debtorId) {
        if (debtorId == null) {
            return Mono.just(false);
        }
        return plans.accepted(debtorId)
                .concatMap(plan -> promises.installments(plan.getObjectId("_id").toHexString()))
                .any(installment -> PromiseStore.OPEN.equals(installment.getString("status")));
    }

    public Mono<String> accept(PlanAgreement agreement) {
        return plans.recordAccepted(agreement)
                .flatMap(planId -> promises.recordInstallments(planId, agreement).thenReturn(planId.toHexString()))
                .doOnNext(planId -> log.info("plan.accepted plan={} installments={}", planId,
                        agreement.installments().size()));
    }

    /**
     * After a payment (already applied to the account): marks kept every open installment of the debtor's accepted
     * plans that payments now cover, whatever debt the payment named (the account decides what each debt owes).
     */
    @Override
    public Mono<Long> keep(String debtorId, String debtId, String reference, Instant now) {
        return portfolio.findById(debtorId).flatMap(debtor -> keepCovered(debtor, reference, now)).defaultIfEmpty(0L);
    }

    /** Marks kept every open installment of the debtor's accepted plans that payments now cover; how many. */
    public Mono<Long> keepCovered(Debtor debtor, String reference, Instant now) {
        return plans.accepted(debtor.id()).collectList().flatMap(accepted -> accepted.isEmpty() ? Mono.just(0L)
                : accounts.positions(debtor, now).flatMap(positions -> {
                    Map<String, DebtPosition> byDebt = positions.stream()
                            .collect(Collectors.toMap(DebtPosition::debtId, Function.identity(), (a, b) -> a));
                    return Flux.fromIterable(accepted)
                            .concatMap(plan -> keepCovered(plan, byDebt, reference, now))
                            .reduce(0L, Long::sum);
                }));
    }

    private Mono<Long> keepCovered(Document plan, Map<String, DebtPosition> byDebt, String reference, Instant now) {
        DebtPosition debt = plan.getString("debtId") == null ? null : byDebt.get(plan.getString("debtId"));
        if (debt == null || plan.getString("amount") == null) {
            return Mono.just(0L);
        }
        BigDecimal paidTowardPlan = new BigDecimal(plan.getString("amount")).subtract(debt.outstanding());
        return promises.installments(plan.getObjectId("_id").toHexString()).collectList().flatMap(rows -> {
            List<ObjectId> covered = new ArrayList<>();
            BigDecimal due = BigDecimal.ZERO;
            for (Document row : rows) {
                due = due.add(new BigDecimal(row.getString("amount")));
                if (due.compareTo(paidTowardPlan) > 0) {
                    break;
                }
                if (PromiseStore.OPEN.equals(row.getString("status"))) {
                    covered.add(row.getObjectId("_id"));
                }
            }
            return promises.keepInstallments(covered, reference, now);
        });
    }
}

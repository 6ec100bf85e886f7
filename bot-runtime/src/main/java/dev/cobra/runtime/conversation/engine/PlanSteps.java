package dev.cobra.runtime.conversation.engine;

import dev.cobra.flow.template.LocaleFormats;
import dev.cobra.runtime.conversation.engine.CollectionActions.PlanAgreement;
import dev.cobra.runtime.conversation.engine.CollectionActions.PlanInstallment;
import dev.cobra.runtime.conversation.engine.CollectionActions.PlanOffer;
import dev.cobra.runtime.conversation.engine.CollectionActions.PlanOfferRequest;
import dev.cobra.runtime.debtor.Debt;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code offer_plan} and {@code accept_plan} actions: the schedule comes from {@link CollectionActions#offerPlan}
 * (the creditor's bounds) and is kept in slot {@code planOffer} ({@code date=amount;...}, slots hold scalars) so the
 * plan accepted is exactly the one the debtor read, whatever day the answer comes.
 */
final class PlanSteps {

    static final String OFFER_SLOT = "planOffer";
    /** The entity a date the debtor said is remembered under ({@link EntityMemory}). */
    private static final String DATE_ENTITY = "date";

    private final CollectionActions actions;
    private final ActionRunner runner;

    PlanSteps(CollectionActions actions, ActionRunner runner) {
        this.actions = actions;
        this.runner = runner;
    }

    Mono<Void> offer(TurnRun run, Map<String, Object> params, Debt debt) {
        Map<String, Object> slots = run.state.slots();
        clearOffer(slots);
        Integer installments = InputValues.toInteger(slots.get(ActionRunner.param(params, "installments", "installments")));
        if (debt == null || installments == null) {
            return Mono.empty();
        }
        Object start = slots.get(ActionRunner.param(params, "start", "planStart"));
        LocalDate stated = InputValues.toDate(start != null ? start : run.state.heard().get(DATE_ENTITY));
        java.time.ZoneId zone = run.context.debtor() == null ? ZoneOffset.UTC : run.context.debtor().zone();
        LocalDate today = LocalDate.ofInstant(run.context.now(), zone);
        return actions.offerPlan(new PlanOfferRequest(run.state.debtorId(), debt.id(), debt.product(), debt.balance(),
                        debt.currency(), installments, stated, today))
                .doOnNext(offer -> fill(slots, offer, debt.currency(), run.locale()))
                .then();
    }

    Mono<Void> accept(TurnRun run, Debt debt) {
        List<PlanInstallment> installments = decode(run.state.slots().get(OFFER_SLOT));
        if (installments.isEmpty()) {
            return Mono.empty();
        }
        String currency = debt == null ? null : debt.currency();
        PlanAgreement agreement = new PlanAgreement(run.state.id(), run.state.debtorId(), debt == null ? null : debt.id(),
                currency, installments, run.context.now());
        return actions.acceptPlan(agreement).defaultIfEmpty("").flatMap(planId -> {
            List<Map<String, Object>> schedule = installments.stream().map(i -> ActionRunner.mapOf(
                    "date", i.date().toString(), "amount", i.amount().toPlainString())).toList();
            return runner.event(run, "plan_accepted", ActionRunner.mapOf("planId", planId.isEmpty() ? null : planId,
                    "debtId", agreement.debtId(), "installments", installments.size(),
                    "amount", new PlanOffer(installments).total().toPlainString(), "currency", currency,
                    "schedule", schedule));
        });
    }

    private static void clearOffer(Map<String, Object> slots) {
        for (String slot : List.of(OFFER_SLOT, "planSchedule", "planFirstDate", "planFirstAmount", "planInstallment")) {
            slots.remove(slot);
        }
    }

    private static void fill(Map<String, Object> slots, PlanOffer offer, String currency, String locale) {
        List<PlanInstallment> rows = offer.installments();
        slots.put(OFFER_SLOT, encode(rows));
        slots.put("planSchedule", schedule(rows, currency, locale));
        slots.put("planFirstDate", rows.get(0).date().toString());
        slots.put("planFirstAmount", rows.get(0).amount());
        slots.put("planInstallment", rows.get(Math.min(1, rows.size() - 1)).amount()); // after a down payment, too
    }

    /**
     * One line per installment, numbered ("1. viernes 27 de noviembre de 2026: $ 416.666"), each on a line of its
     * own: the text starts and ends with a line break, so a flow text places it between its own sentences.
     */
    static String schedule(List<PlanInstallment> rows, String currency, String locale) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
            PlanInstallment row = rows.get(i);
            text.append('\n').append(i + 1).append(". ").append(LocaleFormats.longDate(row.date(), locale))
                    .append(": ").append(LocaleFormats.money(row.amount(), currency, locale));
        }
        return text.append('\n').toString();
    }

    static String encode(List<PlanInstallment> rows) {
        List<String> parts = new ArrayList<>();
        rows.forEach(r -> parts.add(r.date() + "=" + r.amount().toPlainString()));
        return String.join(";", parts);
    }

    static List<PlanInstallment> decode(Object value) {
        if (value == null || value.toString().isBlank()) {
            return List.of();
        }
        Map<LocalDate, BigDecimal> rows = new LinkedHashMap<>();
        try {
            for (String part : value.toString().split(";")) {
                String[] pair = part.split("=", 2);
                rows.put(LocalDate.parse(pair[0].trim()), new BigDecimal(pair[1].trim()));
            }
        } catch (RuntimeException malformed) {
            return List.of(); // a slot edited by hand into nonsense offers nothing to accept
        }
        return rows.entrySet().stream().map(e -> new PlanInstallment(e.getKey(), e.getValue())).toList();
    }
}

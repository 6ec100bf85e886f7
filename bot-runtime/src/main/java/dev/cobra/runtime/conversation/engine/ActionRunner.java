package dev.cobra.runtime.conversation.engine;

import dev.cobra.flow.model.ActionStep;
import dev.cobra.runtime.conversation.state.ConversationState;
import dev.cobra.runtime.debtor.Debt;
import dev.cobra.runtime.debtor.Debtor;
import dev.cobra.runtime.verification.IdentityAttempt;
import dev.cobra.runtime.verification.IdentityCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static dev.cobra.runtime.conversation.engine.StateMachineFlowEngine.PAYMENT_LINK_SLOT;
import static dev.cobra.runtime.conversation.engine.StateMachineFlowEngine.VERIFICATION_ATTEMPTS_SLOT;

/** Runs the built-in actions of {@code action} steps through {@link CollectionActions}. */
final class ActionRunner {

    private static final Logger log = LoggerFactory.getLogger(ActionRunner.class);

    private final CollectionActions actions;
    private final PlanSteps plans;

    ActionRunner(CollectionActions actions) {
        this.actions = actions;
        this.plans = new PlanSteps(actions, this);
    }

    Mono<Void> run(TurnRun run, CompiledFlow flow, ActionStep step) {
        ConversationState state = run.state;
        Map<String, Object> params = step.params();
        Map<String, Object> slots = state.slots();
        Debtor debtor = run.context.debtor();
        Debt debt = debtor == null ? null : debtor.primaryDebt().orElse(null);
        String debtorId = state.debtorId();
        String debtId = debt == null ? null : debt.id();
        String currency = debt == null ? null : debt.currency();
        if (step.action() == null) {
            return Mono.empty();
        }
        return switch (step.action()) {
            case PAYMENT_LINK -> {
                BigDecimal amount = Optional.ofNullable(InputValues.toDecimal(slots.get(param(params, "amount", ""))))
                        .orElse(debt == null ? null : debt.balance());
                yield actions.createPaymentLink(new CollectionActions.PaymentLinkRequest(state.id(), debtorId, debtId,
                                amount, currency, run.context.now()))
                        .doOnNext(url -> slots.put(PAYMENT_LINK_SLOT, url)).then();
            }
            case RECORD_PROMISE -> {
                LocalDate date = InputValues.toDate(slots.get(param(params, "date", "promiseDate")));
                BigDecimal amount = Optional.ofNullable(InputValues.toDecimal(slots.get(param(params, "amount", "promiseAmount"))))
                        .orElse(debt == null ? null : debt.balance());
                yield actions.recordPromise(new CollectionActions.PromiseRecord(state.id(), debtorId, debtId, date, amount,
                                currency, run.context.now()))
                        .then(event(run, "promise_made", mapOf("date", date == null ? null : date.toString(),
                                "amount", amount == null ? null : amount.toPlainString(), "currency", currency)));
            }
            case RECORD_PLAN_REQUEST -> {
                Integer installments = InputValues.toInteger(slots.get(param(params, "installments", "installments")));
                BigDecimal amount = InputValues.toDecimal(slots.get(param(params, "amount", "downPayment")));
                yield actions.recordPlanRequest(new CollectionActions.PlanRequestRecord(state.id(), debtorId, debtId,
                                installments, amount, currency, run.context.now()))
                        .then(event(run, "plan_requested", mapOf("installments", installments,
                                "amount", amount == null ? null : amount.toPlainString())));
            }
            case OFFER_PLAN -> plans.offer(run, params, debt);
            case ACCEPT_PLAN -> plans.accept(run, debt);
            case SET_DISPOSITION -> Mono.fromRunnable(() -> state.disposition(param(params, "disposition", null)));
            case EMIT_EVENT -> event(run, param(params, "event", "custom"), mapOf("flowId", flow.flow().id(), "step", step.id()));
            case VERIFY_IDENTITY -> {
                String slot = param(params, "slot", "document");
                Object digits = slots.remove(slot);
                int attempts = Optional.ofNullable(InputValues.toInteger(slots.get(VERIFICATION_ATTEMPTS_SLOT))).orElse(0) + 1;
                slots.put(VERIFICATION_ATTEMPTS_SLOT, attempts);
                Mono<IdentityCheck> check = debtorId == null || digits == null ? Mono.just(IdentityCheck.MISMATCH)
                        : actions.checkIdentity(new IdentityAttempt(debtorId, digits.toString(), state.channel(),
                        state.id(), run.context.now()));
                yield check.flatMap(result -> {
                    boolean ok = result.verified();
                    state.verified(ok);
                    slots.put("verified", ok);
                    log.info("flow.verify conversation={} verified={} attempt={} locked={}", state.id(), ok, attempts,
                            result.locked());
                    if (!result.locked()) {
                        return Mono.<Void>empty();
                    }
                    // Locked across sessions (VerificationGuard): the flow tells the debtor how to get help.
                    slots.put(StateMachineFlowEngine.VERIFICATION_LOCKED_SLOT, true);
                    return result.newlyLocked() ? event(run, "verification_locked", mapOf("channel", state.channel(),
                            "lockedUntil", result.lockedUntil().toString())) : Mono.<Void>empty();
                });
            }
            case OPT_OUT -> (debtorId == null ? Mono.<Void>empty() : actions.optOut(debtorId, state.channel(), run.context.now()))
                    .then(Mono.fromRunnable(() -> state.optedOut(true)));
            case FLAG_WRONG_PARTY -> debtorId == null ? Mono.empty() : actions.flagWrongParty(debtorId, run.context.now());
            case SET_SLOT -> Mono.fromRunnable(() -> {
                String slot = param(params, "slot", null);
                if (slot != null) {
                    slots.put(slot, params.get("value"));
                }
            });
        };
    }

    Mono<Void> event(TurnRun run, String type, Map<String, Object> data) {
        return actions.emitEvent(new CollectionActions.ConversationEvent(type, run.state.id(), run.state.debtorId(), data,
                run.context.now()));
    }

    static Map<String, Object> mapOf(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    static String param(Map<String, Object> params, String name, String fallback) {
        Object value = params.get(name);
        return value == null ? fallback : value.toString();
    }

}

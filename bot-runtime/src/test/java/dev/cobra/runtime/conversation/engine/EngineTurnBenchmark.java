package dev.cobra.runtime.conversation.engine;

import dev.cobra.runtime.conversation.InMemoryFlowCatalog;
import dev.cobra.runtime.conversation.state.ConversationState;
import dev.cobra.runtime.debtor.Debt;
import dev.cobra.runtime.debtor.Debtor;
import dev.cobra.nlp.api.Entity;
import dev.cobra.nlp.api.IntentPrediction;
import dev.cobra.nlp.api.ScoredIntent;
import dev.cobra.runtime.conversation.state.ConversationStatus;
import dev.cobra.runtime.conversation.state.StackFrame;
import dev.cobra.runtime.nlu.NluResult;
import dev.cobra.runtime.nlu.NluService;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One engine turn without classifier work: a menu option chosen, or free text with a parse fixed in advance (a slot
 * filled from the message that chose the branch, a digression, the closing after the end), on a warm engine with in-memory state, flows and actions
 * (docs/benchmarks.md has the command and results). {@code machineRestoreAndFire} isolates one transition as the
 * engine takes it: a pooled Spring Statemachine restored to the stored step, then the event.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
// The JIT is still compiling the plan turn's path for about 8 s: a shorter warm-up measures that (docs/benchmarks.md).
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EngineTurnBenchmark {

    private static final ZoneId BOGOTA = ZoneId.of("America/Bogota");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 18);
    private static final Instant NOW = TODAY.atTime(10, 0).atZone(BOGOTA).toInstant();

    private StateMachineFlowEngine engine;
    private TurnContext context;
    private CompiledFlow early;
    private CompiledFlow plan;

    @Setup(Level.Trial)
    public void setUp() {
        InMemoryFlowCatalog catalog = InMemoryFlowCatalog.shipped();
        CompiledFlows flows = new CompiledFlows(catalog);
        // Free-text turns get a parse fixed in advance: the engine's own work is measured, not the classifier's.
        Map<String, NluResult> parses = Map.of(
                PLAN_WITH_INSTALLMENTS, parse(PLAN_WITH_INSTALLMENTS, "payment_plan",
                        new Entity(Entity.INSTALLMENTS, 3, 23, 31, "3 cuotas", null)),
                BALANCE_QUESTION, parse(BALANCE_QUESTION, "ask_balance"),
                THANKS, parse(THANKS, "thanks"));
        NluService fixedNlu = (text, locale, date, zone) -> {
            NluResult result = parses.get(text);
            return result == null ? Mono.error(new AssertionError("no fixed parse for " + text)) : Mono.just(result);
        };
        engine = new StateMachineFlowEngine(flows, fixedNlu, new NoOpActions());
        Debtor ana = new Debtor("D-TEST", "Ana Pérez", "+573001234567", null, "es-CO", "America/Bogota", "CO", "hash",
                null, List.of(new Debt("L-77", "Tarjeta de crédito", new BigDecimal("1250000"), "COP", TODAY.minusDays(10))),
                null, false, false);
        context = new TurnContext(ana, NOW, TODAY, BOGOTA);
        early = flows.published("early").block();
        plan = flows.published("payment_plan").block();
        // Warm the subflow cache as a running server would be.
        menuOptionToSubflow();
    }

    static final String PLAN_WITH_INSTALLMENTS = "me gustaría pagarlo en 3 cuotas";
    static final String BALANCE_QUESTION = "¿cuánto debo en total?";
    static final String THANKS = "gracias";
    static final String DATE_ALONE = "25/11";

    private static NluResult parse(String text, String intent, Entity... entities) {
        return new NluResult(text, new IntentPrediction(intent, 0.95,
                List.of(new ScoredIntent(intent, 0.95), new ScoredIntent("affirm", 0.02)), "es"), List.of(entities), false);
    }

    private static ConversationState atMainMenu() {
        ConversationState state = ConversationState.start("c-bench", "webchat", "D-TEST", "s-bench", "es-CO", NOW);
        state.flowId("early");
        state.flowVersion(1);
        state.step("main_menu");
        state.verified(true);
        return state;
    }

    /** Main menu → "Pay now": payment-link action, text with money formatting, end. */
    @Benchmark
    public Object menuOptionPayNow() {
        return engine.handle(atMainMenu(), TurnInput.option("pay_now"), context).block();
    }

    /** Main menu → "Pay on a date": subflow call, then the date question. */
    @Benchmark
    public Object menuOptionToSubflow() {
        return engine.handle(atMainMenu(), TurnInput.option("promise"), context).block();
    }

    /** Free text at the menu that chooses the plan and already says the installments: slot filled, confirmation. */
    @Benchmark
    public Object freeTextPlanWithInstallments() {
        return engine.handle(atMainMenu(), TurnInput.text(PLAN_WITH_INSTALLMENTS), context).block();
    }

    /** A balance question while the promise subflow waits for a date: answered, then re-prompted. */
    @Benchmark
    public Object digressionAtDateQuestion() {
        ConversationState state = atMainMenu();
        state.stack(List.of(new StackFrame("early", 1, null)));
        state.flowId("promise_to_pay");
        state.step("ask_date");
        return engine.handle(state, TurnInput.text(BALANCE_QUESTION), context).block();
    }

    /**
     * The promise date typed alone while the subflow waits for it: the value matches cleanly, so the classifier is
     * not called (the fixed NLU fails if it is); the date is validated and the amount asked.
     */
    @Benchmark
    public Object dateAloneAtDateQuestion() {
        ConversationState state = atMainMenu();
        state.stack(List.of(new StackFrame("early", 1, null)));
        state.flowId("promise_to_pay");
        state.step("ask_date");
        return engine.handle(state, TurnInput.text(DATE_ALONE), context).block();
    }

    /** "gracias" after the conversation ended: a closing, never a restart. */
    @Benchmark
    public Object completionAfterTheEnd() {
        ConversationState state = atMainMenu();
        state.step("payment_link_sent");
        state.status(ConversationStatus.CLOSED);
        return engine.handle(state, TurnInput.text(THANKS), context).block();
    }

    /** One transition as the engine takes it: a pooled machine restored to the stored step, then the event. */
    @Benchmark
    public String machineRestoreAndFire() {
        FlowMachine machine = early.machines().lease().block();
        try {
            machine.restore("c-bench", "main_menu").block();
            return machine.fire("c-bench", "main_menu", "option:promise", null).block();
        } finally {
            machine.release();
        }
    }

    /** Events sent so far to the machines of the early flow and of the plan subflow. */
    long eventsSent() {
        return early.machines().eventsSent() + plan.machines().eventsSent();
    }

    /** Machines the pools built so far for the early flow (a warm pool builds none per turn). */
    int builtMachines() {
        return early.machines().built();
    }

    /** Side effects that cost nothing, so the benchmark measures the engine. */
    static final class NoOpActions implements CollectionActions {
        @Override public Mono<Boolean> verifyDocument(String debtorId, String digits) { return Mono.just(true); }
        @Override public Mono<Void> optOut(String debtorId, String channel, Instant at) { return Mono.empty(); }
        @Override public Mono<Void> flagWrongParty(String debtorId, Instant at) { return Mono.empty(); }
        @Override public Mono<String> createPaymentLink(PaymentLinkRequest request) { return Mono.just("https://pay.test/p/x"); }
        @Override public Mono<Void> recordPromise(PromiseRecord promise) { return Mono.empty(); }
        @Override public Mono<Void> recordPlanRequest(PlanRequestRecord request) { return Mono.empty(); }
        @Override public Mono<Void> emitEvent(ConversationEvent event) { return Mono.empty(); }
        /** An even schedule from the day after today, so the plan turn reaches its confirmation, not a handoff. */
        @Override public Mono<PlanOffer> offerPlan(PlanOfferRequest request) {
            BigDecimal each = request.outstanding().divide(BigDecimal.valueOf(request.installments()), 0, java.math.RoundingMode.DOWN);
            List<PlanInstallment> rows = new java.util.ArrayList<>();
            for (int i = 0; i < request.installments(); i++) {
                BigDecimal amount = i == request.installments() - 1
                        ? request.outstanding().subtract(each.multiply(BigDecimal.valueOf(i))) : each;
                rows.add(new PlanInstallment(request.today().plusDays(1).plusMonths(i), amount));
            }
            return Mono.just(new PlanOffer(rows));
        }
    }
}

package dev.cobra.runtime.conversation.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Keeps the benchmark honest: each measured operation does what its name says (free text only with its fixed parse). */
class EngineTurnBenchmarkTest {

    @Test
    void theBenchmarkedOperationsProduceTheExpectedTransitions() {
        EngineTurnBenchmark benchmark = new EngineTurnBenchmark();
        benchmark.setUp();

        TurnOutcome paid = (TurnOutcome) benchmark.menuOptionPayNow();
        assertThat(paid.replies()).anySatisfy(reply -> assertThat(reply.text()).contains("https://pay.test/p/x"));
        TurnOutcome promise = (TurnOutcome) benchmark.menuOptionToSubflow();
        assertThat(promise.replies()).isNotEmpty();
        TurnOutcome plan = (TurnOutcome) benchmark.freeTextPlanWithInstallments();
        assertThat(plan.behaviours()).contains("slot_filled:installments");
        assertThat(plan.replies()).anySatisfy(reply -> assertThat(reply.options()).extracting(o -> o.id()).contains("confirm_yes"));
        TurnOutcome digression = (TurnOutcome) benchmark.digressionAtDateQuestion();
        assertThat(digression.behaviours()).contains("digression:ask_balance");
        assertThat(digression.replies()).anySatisfy(reply -> assertThat(reply.text()).contains("1.250.000"));
        TurnOutcome date = (TurnOutcome) benchmark.dateAloneAtDateQuestion();
        assertThat(date.replies()).isNotEmpty().noneSatisfy(reply -> assertThat(reply.text()).contains("Necesito una fecha"));
        TurnOutcome closing = (TurnOutcome) benchmark.completionAfterTheEnd();
        assertThat(closing.behaviours()).contains("completion:closing");
        assertThat(benchmark.machineRestoreAndFire()).isEqualTo("promise");
    }

    /**
     * The plan turn crosses three conditions; the two reached by a transition are decided inside that transition's
     * event (the target's choice), so the turn costs five events, not seven: the menu's intent, the subflow's entry
     * condition, set_slot's next, the filled input's next (through within_bounds) and offer_plan's next (through
     * plan_offered).
     */
    @Test
    void aConditionReachedByATransitionIsDecidedInThatTransitionsEvent() {
        EngineTurnBenchmark benchmark = new EngineTurnBenchmark();
        benchmark.setUp();
        long before = benchmark.eventsSent();
        TurnOutcome plan = (TurnOutcome) benchmark.freeTextPlanWithInstallments();
        assertThat(plan.replies()).anySatisfy(reply -> assertThat(reply.options()).extracting(o -> o.id()).contains("confirm_yes"));
        assertThat(benchmark.eventsSent() - before).isEqualTo(5);
    }
}

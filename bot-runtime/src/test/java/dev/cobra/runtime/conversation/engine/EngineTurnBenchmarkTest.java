package dev.cobra.runtime.conversation.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Keeps the benchmark honest: each measured operation does what its name says (and never reaches the NLU). */
class EngineTurnBenchmarkTest {

    @Test
    void theBenchmarkedOperationsProduceTheExpectedTransitions() {
        EngineTurnBenchmark benchmark = new EngineTurnBenchmark();
        benchmark.setUp();

        TurnOutcome paid = (TurnOutcome) benchmark.menuOptionPayNow();
        assertThat(paid.replies()).anySatisfy(reply -> assertThat(reply.text()).contains("https://pay.test/p/x"));
        TurnOutcome promise = (TurnOutcome) benchmark.menuOptionToSubflow();
        assertThat(promise.replies()).isNotEmpty();
        assertThat(benchmark.transitionTableLookup()).isEqualTo("promise");
        assertThat(benchmark.statemachineRestoreAndSend()).isEqualTo("promise");
    }
}

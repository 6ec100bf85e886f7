package dev.cobra.runtime.conversation.engine;

import dev.cobra.runtime.conversation.InMemoryFlowCatalog;
import org.junit.jupiter.api.Test;
import org.springframework.statemachine.StateMachine;
import org.springframework.statemachine.state.State;
import org.springframework.statemachine.support.StateMachineUtils;

import java.util.Collection;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The machines a compiled flow runs on: states that describe themselves by their step alone (the library builds a
 * debug message from the entered state on every transition, logged or not) and that keep the library's contract for
 * {@code getStates()} (a new collection the caller may change).
 */
class FlowMachineFactoryTest {

    private final CompiledFlows flows = new CompiledFlows(InMemoryFlowCatalog.shipped());

    @Test
    void everyStateOfAFlowMachineIsAStepStateThatSaysOnlyItsId() {
        FlowMachine machine = flows.published("payment_plan").block().machines().lease().block();
        try {
            Collection<State<String, String>> states = machine.machine().getStates();
            assertThat(states).isNotEmpty().allSatisfy(state -> {
                assertThat(state).isInstanceOf(FlowMachineFactory.StepState.class);
                assertThat(state.toString()).isEqualTo("StepState [" + state.getId() + "]");
            });
            // the condition steps' choices are step states too
            assertThat(states).extracting(State::getId).contains("bounds_known#choice", "within_bounds#choice");
        } finally {
            machine.release();
        }
    }

    @Test
    void getStatesIsANewCollectionOfTheStateAloneThatCallersMayChange() {
        FlowMachine machine = flows.published("payment_plan").block().machines().lease().block();
        try {
            State<String, String> state = machine.machine().getStates().iterator().next();
            Collection<State<String, String>> own = state.getStates();
            assertThat(own).containsExactly(state);
            assertThat(own.remove(state)).isTrue();
            assertThat(own).isEmpty();
            assertThat(state.getStates()).containsExactly(state); // a fresh one each time
            // the library removes the state from its own copy to ask whether another is below it
            assertThat(StateMachineUtils.isSubstate(state, state)).isFalse();
        } finally {
            machine.release();
        }
    }

    @Test
    void aMachineFromTheFactoryTakesTheFlowsTransitionsAndGuards() {
        CompiledFlow plan = flows.published("payment_plan").block();
        FlowMachine machine = plan.machines().lease().block();
        try {
            java.util.Map<String, Object> vars = java.util.Map.of("slots", java.util.Map.of("installments", 3, "maxInstallments", 12));
            assertThat(machine.fire("c-1", "ask_installments", "next", () -> vars).block()).isEqualTo("offer_plan");
            java.util.Map<String, Object> tooMany = java.util.Map.of("slots", java.util.Map.of("installments", 24, "maxInstallments", 12));
            assertThat(machine.fire("c-1", "ask_installments", "next", () -> tooMany).block()).isEqualTo("record_outside_bounds");
            assertThat(machine.fire("c-1", "confirm", "no-such-event", null).block()).isNull();
            StateMachine<String, String> raw = machine.machine();
            assertThat(raw.getState().getId()).isEqualTo("confirm");
        } finally {
            machine.release();
        }
    }
}

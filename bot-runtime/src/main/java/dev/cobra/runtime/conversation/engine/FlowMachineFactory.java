package dev.cobra.runtime.conversation.engine;

import org.springframework.statemachine.StateContext;
import org.springframework.statemachine.StateMachine;
import org.springframework.statemachine.config.ObjectStateMachineFactory;
import org.springframework.statemachine.config.StateMachineConfig;
import org.springframework.statemachine.config.StateMachineConfigurerAdapter;
import org.springframework.statemachine.config.builders.StateMachineConfigBuilder;
import org.springframework.statemachine.config.builders.StateMachineConfigurationConfigurer;
import org.springframework.statemachine.config.builders.StateMachineStateConfigurer;
import org.springframework.statemachine.config.builders.StateMachineTransitionConfigurer;
import org.springframework.statemachine.config.model.DefaultStateMachineModel;
import org.springframework.statemachine.config.model.StateMachineModel;
import org.springframework.statemachine.state.ObjectState;
import org.springframework.statemachine.state.PseudoState;
import org.springframework.statemachine.state.State;
import reactor.core.publisher.Mono;

import java.util.AbstractCollection;
import java.util.Collection;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * Builds the Spring Statemachines of one flow version from the model {@link FlowCompiler} configures: the library's
 * own {@link ObjectStateMachineFactory}, whose states are {@link StepState}s. The model is built once per flow
 * version; each pool miss gets a new machine from it.
 *
 * <p>Why our own state class: on every state it enters, the library writes an unguarded debug message with the
 * state's {@code toString()} (which lists its actions, deferred events and regions), and it looks the state's parent
 * up by asking every state of the machine for {@code getStates()}, a new list each time. Together that was about a
 * sixth of the allocation of an engine turn (docs/benchmarks.md). A step state says only its id and answers
 * {@code getStates()} with one small object.
 */
final class FlowMachineFactory extends ObjectStateMachineFactory<String, String> {

    private FlowMachineFactory(StateMachineModel<String, String> model) {
        super(model);
    }

    /** The configurers of a model under construction; {@link #build()} turns them into a factory. */
    static final class Model extends StateMachineConfigurerAdapter<String, String> {

        StateMachineConfigurationConfigurer<String, String> configuration() throws Exception {
            return getStateMachineConfigurationBuilder();
        }

        StateMachineStateConfigurer<String, String> states() throws Exception {
            return getStateMachineStateBuilder();
        }

        StateMachineTransitionConfigurer<String, String> transitions() throws Exception {
            return getStateMachineTransitionBuilder();
        }

        /** Validates the model (the library's checks) and returns a factory of started-on-demand machines. */
        FlowMachineFactory build() throws Exception {
            StateMachineConfigBuilder<String, String> builder = new StateMachineConfigBuilder<>();
            builder.apply(this);
            StateMachineConfig<String, String> config = builder.getOrBuild();
            FlowMachineFactory factory = new FlowMachineFactory(new DefaultStateMachineModel<>(
                    config.getStateMachineConfigurationConfig(), config.getStates(), config.getTransitions()));
            factory.setHandleAutostartup(config.getStateMachineConfigurationConfig().isAutoStart());
            return factory;
        }
    }

    /** A new machine of this flow version (not started). */
    StateMachine<String, String> newMachine() {
        return getStateMachine();
    }

    @Override
    protected State<String, String> buildStateInternal(String id, Collection<String> deferred,
            Collection<Function<StateContext<String, String>, Mono<Void>>> entryActions,
            Collection<Function<StateContext<String, String>, Mono<Void>>> exitActions,
            Collection<Function<StateContext<String, String>, Mono<Void>>> stateActions,
            PseudoState<String, String> pseudoState, StateMachineModel<String, String> model) {
        // As the library's factory builds its ObjectState, with our subclass.
        StepState state = new StepState(id, deferred, entryActions, exitActions, stateActions, pseudoState);
        var beanFactory = resolveBeanFactory(model);
        if (beanFactory != null) {
            state.setBeanFactory(beanFactory);
        }
        state.setStateDoActionPolicy(model.getConfigurationData().getStateDoActionPolicy());
        state.setStateDoActionPolicyTimeout(model.getConfigurationData().getStateDoActionPolicyTimeout());
        return state;
    }

    /** A step (or a condition's choice): a simple state whose description and own-state list cost nothing to ask. */
    static final class StepState extends ObjectState<String, String> {

        private final String description;

        StepState(String id, Collection<String> deferred,
                  Collection<Function<StateContext<String, String>, Mono<Void>>> entryActions,
                  Collection<Function<StateContext<String, String>, Mono<Void>>> exitActions,
                  Collection<Function<StateContext<String, String>, Mono<Void>>> stateActions,
                  PseudoState<String, String> pseudoState) {
            super(id, deferred, entryActions, exitActions, stateActions, pseudoState, null, null);
            this.description = "StepState [" + id + "]";
        }

        /**
         * Itself alone, as the library's simple state says. The machine asks every state for it on each state it
         * enters, and callers may remove from the copy they get, so it stays a new mutable collection: one small
         * object rather than a list and its array.
         */
        @Override
        public Collection<State<String, String>> getStates() {
            return new OneState(this);
        }

        @Override
        public String toString() {
            return description;
        }
    }

    /** A mutable collection of at most one state (what a simple state's {@code getStates()} returns). */
    private static final class OneState extends AbstractCollection<State<String, String>> {

        private State<String, String> state;

        OneState(State<String, String> state) {
            this.state = state;
        }

        @Override
        public int size() {
            return state == null ? 0 : 1;
        }

        @Override
        public boolean contains(Object o) {
            return state != null && state.equals(o);
        }

        @Override
        public Iterator<State<String, String>> iterator() {
            return new Iterator<>() {
                private boolean returned;

                @Override
                public boolean hasNext() {
                    return !returned && state != null;
                }

                @Override
                public State<String, String> next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    returned = true;
                    return state;
                }

                @Override
                public void remove() {
                    if (!returned || state == null) {
                        throw new IllegalStateException();
                    }
                    state = null;
                }
            };
        }
    }
}

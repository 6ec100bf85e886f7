package dev.cobra.runtime.conversation.engine;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.statemachine.StateMachine;
import org.springframework.statemachine.StateMachineEventResult;
import org.springframework.statemachine.state.State;
import org.springframework.statemachine.support.DefaultStateMachineContext;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;
import reactor.core.publisher.Sinks;

import java.util.Map;
import java.util.function.Supplier;

/**
 * One live Spring Statemachine of a flow version, leased by one turn at a time from {@link MachinePool}. Before
 * each event the machine is restored to the step our JSON state says (the machine never holds the conversation:
 * our persisted state does, and a machine serves many conversations in turn); the machine then decides the target
 * step, including the guards of condition steps.
 */
final class FlowMachine {

    /**
     * Message header with the template/condition variables that the condition guards evaluate: a supplier, since
     * any event may enter a condition's choice and most events enter none, so the map is built only when read.
     */
    static final String VARS_HEADER = "cobra.vars";

    private final StateMachine<String, String> machine;
    private final MachinePool pool;

    FlowMachine(StateMachine<String, String> machine, MachinePool pool) {
        this.machine = machine;
        this.pool = pool;
    }

    /**
     * Sends {@code event} from {@code step} and returns the step the machine moved to, or empty when the step has
     * no such transition (the engine then ends the flow or subflow).
     */
    Mono<String> fire(String conversationId, String step, String event, Supplier<Map<String, Object>> vars) {
        return Mono.defer(() -> {
            if (step.equals(currentStep())) {
                return send(event, vars);
            }
            return restore(conversationId, step).then(Mono.defer(() -> send(event, vars)));
        });
    }

    /**
     * The machine handles the event synchronously inside its trigger sink's emission. Continuing the turn from
     * inside that emission would send the next event re-entrantly; the library then fails the emission and retries
     * it 10 ms later on another thread. So the outcome is collected by {@link EventOutcome} and the turn goes on
     * only after the machine has returned.
     */
    private Mono<String> send(String event, Supplier<Map<String, Object>> vars) {
        Message<String> message = MessageBuilder.withPayload(event).setHeader(VARS_HEADER, once(vars)).build();
        pool.eventSent();
        EventOutcome outcome = new EventOutcome();
        machine.sendEvent(Mono.just(message)).subscribe(outcome);
        return outcome.result();
    }

    /**
     * Collects the step the machine moved to (the state right after the first accepted result; none when the
     * event was not accepted or led to {@value FlowCompiler#NO_TARGET}). When the machine has finished by the time
     * {@code subscribe} returns, as it does without asynchronous actions, the outcome is a plain value; otherwise
     * it is handed over through a one-value sink.
     */
    private final class EventOutcome extends BaseSubscriber<StateMachineEventResult<String, String>> {

        private String target;
        private boolean accepted;
        private Throwable error;
        private boolean done;
        private Sinks.One<String> late;

        @Override
        protected void hookOnNext(StateMachineEventResult<String, String> result) {
            if (!accepted && result.getResultType() == StateMachineEventResult.ResultType.ACCEPTED) {
                accepted = true;
                String to = currentStep();
                target = FlowCompiler.NO_TARGET.equals(to) ? null : to;
            }
        }

        @Override
        protected void hookOnError(Throwable throwable) {
            error = throwable;
        }

        @Override
        protected void hookFinally(SignalType type) {
            Sinks.One<String> sink;
            synchronized (this) {
                done = true;
                sink = late;
            }
            if (sink != null) {
                emit(sink);
            }
        }

        Mono<String> result() {
            synchronized (this) {
                if (!done) {
                    late = Sinks.one();
                    return late.asMono();
                }
            }
            return error != null ? Mono.error(error) : Mono.justOrEmpty(target);
        }

        private void emit(Sinks.One<String> sink) {
            if (error != null) {
                sink.tryEmitError(error);
            } else if (target != null) {
                sink.tryEmitValue(target);
            } else {
                sink.tryEmitEmpty();
            }
        }
    }

    /**
     * Restores the machine's context from our state: the current step. The restored context has no machine id on
     * purpose: with an id (or the default bean name, which the library sets when the model has no id) it looks up
     * annotation handlers ({@code @WithStateMachine}) on every state change, compiling a regular expression each
     * time, which doubled the cost of a transition (docs/benchmarks.md).
     */
    Mono<Void> restore(String conversationId, String step) {
        return machine.getStateMachineAccessor().withRegion()
                .resetStateMachineReactively(new DefaultStateMachineContext<>(step, null, null, null, null, null));
    }

    /** The variables an event carries for the guards, or null when it carries none. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> vars(MessageHeaders headers) {
        Object vars = headers.get(VARS_HEADER);
        return vars instanceof Supplier<?> supplier ? (Map<String, Object>) supplier.get() : null;
    }

    /** The supplier's value, built at most once (a choice evaluates its guards one after another). */
    private static Supplier<Map<String, Object>> once(Supplier<Map<String, Object>> vars) {
        if (vars == null) {
            return () -> null;
        }
        Map<String, Object>[] built = new Map[1];
        return () -> {
            if (built[0] == null) {
                built[0] = vars.get();
            }
            return built[0];
        };
    }

    String currentStep() {
        State<String, String> state = machine.getState();
        return state == null ? null : state.getId();
    }

    void release() {
        pool.giveBack(this);
    }

    StateMachine<String, String> machine() {
        return machine;
    }
}

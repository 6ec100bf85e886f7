package dev.cobra.runtime.conversation.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.statemachine.StateMachine;

import reactor.core.publisher.Mono;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Started machines of one flow version, reused across turns: building and starting a Spring Statemachine costs
 * milliseconds, restoring one to a step costs microseconds. A machine is stateful, so each is leased by one turn at
 * a time; a miss builds a new one, and at most {@link #MAX_IDLE} idle machines are kept (more than the turns that
 * run at once on a small server).
 */
final class MachinePool {

    static final int MAX_IDLE = 16;
    private static final Logger log = LoggerFactory.getLogger(MachinePool.class);

    private final String key;
    private final Supplier<StateMachine<String, String>> factory;
    private final ConcurrentLinkedQueue<FlowMachine> idle = new ConcurrentLinkedQueue<>();
    private final AtomicInteger idleCount = new AtomicInteger();
    private final AtomicInteger built = new AtomicInteger();
    private final LongAdder events = new LongAdder();

    MachinePool(String key, Supplier<StateMachine<String, String>> factory) {
        this.key = key;
        this.factory = factory;
    }

    /** An idle machine, or a new started one (never blocks: turns run on event-loop threads). */
    Mono<FlowMachine> lease() {
        return Mono.defer(() -> {
            FlowMachine machine = idle.poll();
            if (machine != null) {
                idleCount.decrementAndGet();
                return Mono.just(machine);
            }
            StateMachine<String, String> fresh = factory.get();
            int count = built.incrementAndGet();
            log.debug("flow.machine.built flow={} machines={}", key, count);
            FlowMachine started = new FlowMachine(fresh, this);
            // Started, then restored once so its id is cleared before the first event (FlowMachine#restore).
            return fresh.startReactively().then(Mono.defer(() -> started.restore(null, started.currentStep())))
                    .thenReturn(started);
        });
    }

    void giveBack(FlowMachine machine) {
        if (idleCount.incrementAndGet() <= MAX_IDLE) {
            idle.offer(machine);
        } else {
            idleCount.decrementAndGet();
            machine.machine().stopReactively().subscribe();
        }
    }

    void eventSent() {
        events.increment();
    }

    /** Events sent to this flow version's machines so far (tests and diagnostics: the events a turn costs). */
    long eventsSent() {
        return events.sum();
    }

    /** Machines built so far (tests and diagnostics: a warm pool stops building). */
    int built() {
        return built.get();
    }
}

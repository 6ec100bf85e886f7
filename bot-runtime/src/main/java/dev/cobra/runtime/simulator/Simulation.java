package dev.cobra.runtime.simulator;

import dev.cobra.runtime.conversation.engine.FlowEngine;
import dev.cobra.runtime.conversation.engine.TurnContext;
import dev.cobra.runtime.conversation.state.ConversationState;
import dev.cobra.runtime.debtor.Debtor;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/** One designer's chat with a draft: an in-memory conversation state and the engine that runs it. */
final class Simulation {

    final String id;
    final String flowId;
    final SampleDebtor sample;
    final FlowEngine engine;
    final RecordingNlu nlu;
    final SimulatedActions actions;
    final String owner;
    private final Clock clock;
    private final AtomicBoolean busy = new AtomicBoolean();
    volatile ConversationState state;
    volatile Instant lastUsed;

    Simulation(String id, String flowId, SampleDebtor sample, FlowEngine engine, RecordingNlu nlu,
               SimulatedActions actions, String owner, Clock clock) {
        this.id = id;
        this.flowId = flowId;
        this.sample = sample;
        this.engine = engine;
        this.nlu = nlu;
        this.actions = actions;
        this.owner = owner;
        this.clock = clock;
        this.lastUsed = clock.instant();
    }

    TurnContext context() {
        Debtor debtor = sample.toDebtor(java.time.LocalDate.now(clock.withZone(java.time.ZoneId.of("America/Bogota"))));
        return TurnContext.of(debtor, clock);
    }

    /** A fresh conversation state for the sample debtor (nothing is stored). */
    ConversationState freshState() {
        ConversationState fresh = ConversationState.start("sim-" + id, sample.channel(), SampleDebtor.ID, null,
                sample.toDebtor(java.time.LocalDate.now(clock)).locale(), clock.instant());
        return fresh;
    }

    boolean tryEnter() {
        lastUsed = clock.instant();
        return busy.compareAndSet(false, true);
    }

    void leave() {
        busy.set(false);
    }
}

package dev.cobra.runtime.simulator;

import dev.cobra.flow.model.Flow;
import dev.cobra.flow.read.FlowParseException;
import dev.cobra.flow.read.FlowReader;
import dev.cobra.runtime.conversation.engine.CompiledFlows;
import dev.cobra.runtime.conversation.engine.StateMachineFlowEngine;
import dev.cobra.runtime.conversation.engine.TurnInput;
import dev.cobra.runtime.conversation.engine.TurnOutcome;
import dev.cobra.runtime.conversation.state.ConversationState;
import dev.cobra.runtime.conversation.state.ConversationStatus;
import dev.cobra.runtime.flow.FlowDraft;
import dev.cobra.runtime.flow.MongoFlowStore;
import dev.cobra.runtime.nlu.NluService;
import dev.cobra.runtime.web.error.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/**
 * Runs drafts for designers with the production engine, compiled flows and NLU, but over an in-memory state, a
 * {@link DraftCatalog} and {@link SimulatedActions}: no conversation is stored, nobody is contacted, nothing is
 * published. Sessions live in memory, belong to the designer who opened them, and expire when idle.
 */
@Service
public class DraftSimulator {

    static final Duration IDLE_EXPIRY = Duration.ofMinutes(30);
    static final int MAX_SESSIONS = 200;

    private static final Logger log = LoggerFactory.getLogger(DraftSimulator.class);

    private final MongoFlowStore store;
    private final NluService nlu;
    private final Clock clock;
    private final FlowReader reader = new FlowReader();
    private final ConcurrentMap<String, Simulation> sessions = new ConcurrentHashMap<>();

    public DraftSimulator(MongoFlowStore store, NluService nlu, ObjectProvider<Clock> clock) {
        this.store = store;
        this.nlu = nlu;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** Opens a session on the stored draft of {@code flowId}, or on {@code yaml} when given (unsaved edits). */
    public Mono<SimulationView> open(String flowId, String yaml, SampleDebtor sample, String owner) {
        Mono<String> text = yaml != null && !yaml.isBlank() ? Mono.just(yaml)
                : store.draft(flowId).map(FlowDraft::yaml)
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("No flow '" + flowId + "'")));
        return text.publishOn(Schedulers.boundedElastic()).flatMap(source -> {
            Simulation simulation = create(flowId, parse(flowId, source), sample, owner);
            simulation.state = simulation.freshState();
            return run(simulation, s -> s.engine.start(s.state, s.context()));
        });
    }

    public Mono<SimulationView> message(String sessionId, String owner, TurnInput input) {
        Simulation simulation = session(sessionId, owner);
        return run(simulation, s -> s.engine.handle(s.state, input, s.context()));
    }

    public Mono<SimulationView> restart(String sessionId, String owner) {
        Simulation simulation = session(sessionId, owner);
        return run(simulation, s -> {
            s.state = s.freshState();
            return s.engine.start(s.state, s.context());
        });
    }

    /** Continues at {@code stepId} of the simulated flow, leaving any subflow; slots and verification are kept. */
    public Mono<SimulationView> jump(String sessionId, String owner, String stepId) {
        Simulation simulation = session(sessionId, owner);
        return run(simulation, s -> {
            ConversationState state = s.state;
            state.stack(List.of());
            state.flowId(s.flowId);
            state.flowVersion(DraftCatalog.DRAFT_VERSION);
            state.status(ConversationStatus.BOT);
            state.disposition(null);
            return s.engine.resume(state, stepId, s.context());
        });
    }

    public void close(String sessionId, String owner) {
        session(sessionId, owner);
        sessions.remove(sessionId);
    }

    int sessionCount() {
        return sessions.size();
    }

    private Simulation create(String flowId, Flow draft, SampleDebtor sample, String owner) {
        evictIdle();
        RecordingNlu recording = new RecordingNlu(nlu);
        SimulatedActions actions = new SimulatedActions(SampleDebtor.DOCUMENT_LAST4);
        CompiledFlows flows = new CompiledFlows(new DraftCatalog(store, draft));
        StateMachineFlowEngine engine = new StateMachineFlowEngine(flows, recording, actions);
        String id = UUID.randomUUID().toString();
        Simulation simulation = new Simulation(id, flowId, sample, engine, recording, actions, owner, clock);
        sessions.put(id, simulation);
        log.info("flow.simulation.open session={} flow={}", id, flowId);
        return simulation;
    }

    private Flow parse(String flowId, String yaml) {
        try {
            Flow flow = reader.read(flowId, yaml);
            if (!flow.id().equals(flowId)) {
                throw ApiException.badRequest("flow_id_mismatch", "The YAML says id '" + flow.id() + "' but the flow is '"
                        + flowId + "'");
            }
            if (flow.entry() == null || !flow.steps().containsKey(flow.entry())) {
                throw ApiException.badRequest("draft_not_runnable", "The draft has no valid entry step");
            }
            return flow;
        } catch (FlowParseException e) {
            throw ApiException.badRequest("invalid_flow_yaml", e.getMessage());
        }
    }

    private Mono<SimulationView> run(Simulation simulation, Function<Simulation, Mono<TurnOutcome>> turn) {
        if (!simulation.tryEnter()) {
            return Mono.error(ApiException.conflict("turn_in_progress", "The previous message is still being answered"));
        }
        simulation.nlu.take();
        return Mono.defer(() -> turn.apply(simulation))
                .map(outcome -> SimulationView.of(simulation, outcome.replies(), outcome.debtorText(), simulation.nlu.take(),
                        outcome.behaviours()))
                .onErrorMap(IllegalArgumentException.class, e -> ApiException.badRequest("invalid_step", e.getMessage()))
                .onErrorMap(IllegalStateException.class, e -> ApiException.conflict("simulation_failed", e.getMessage()))
                // Leave before the answer goes downstream: doFinally ran after the response was written, so a client
                // sending its next message at once could get a spurious 409 turn_in_progress (seen in CI).
                .doOnNext(view -> simulation.leave())
                .doOnError(error -> simulation.leave())
                .doOnCancel(simulation::leave);
    }

    private Simulation session(String sessionId, String owner) {
        Simulation simulation = sessions.get(sessionId);
        if (simulation == null || !simulation.owner.equals(owner)) {
            throw ApiException.notFound("No simulation '" + sessionId + "' (it may have expired)");
        }
        return simulation;
    }

    /** Drops sessions idle for {@link #IDLE_EXPIRY}, then the least recently used ones beyond {@link #MAX_SESSIONS}. */
    private void evictIdle() {
        var cutoff = clock.instant().minus(IDLE_EXPIRY);
        sessions.values().removeIf(s -> s.lastUsed.isBefore(cutoff));
        while (sessions.size() >= MAX_SESSIONS) {
            sessions.values().stream().min(Comparator.comparing(s -> s.lastUsed))
                    .ifPresent(oldest -> sessions.remove(oldest.id));
        }
    }
}

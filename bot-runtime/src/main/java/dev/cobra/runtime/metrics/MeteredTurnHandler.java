package dev.cobra.runtime.metrics;

import dev.cobra.runtime.conversation.message.InboundMessage;
import dev.cobra.runtime.conversation.TurnHandler;
import dev.cobra.runtime.conversation.TurnResult;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import reactor.core.publisher.Mono;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Measures every turn the channels hand to the {@link TurnHandler}: its latency from submission to the end of
 * its delivery hand-over (including the wait in its conversation's lane), the turns in the lanes (waiting or
 * running) and the database commands the turn sent. One timer and one summary per turn; nothing else on the
 * hot path.
 */
final class MeteredTurnHandler implements TurnHandler {

    static final String LATENCY = "cobra.turn.latency";
    static final String IN_LANES = "cobra.turn.lanes.depth";
    static final String COMMANDS_PER_TURN = "cobra.turn.db.commands";

    private final TurnHandler turns;
    private final AtomicInteger inLanes = new AtomicInteger();
    private final Timer handled;
    private final Timer opened;
    private final Timer resumed;
    private final DistributionSummary commandsPerTurn;

    MeteredTurnHandler(TurnHandler turns, MeterRegistry registry) {
        this.turns = turns;
        this.handled = latency(registry, "message");
        this.opened = latency(registry, "open");
        this.resumed = latency(registry, "resume");
        this.commandsPerTurn = DistributionSummary.builder(COMMANDS_PER_TURN)
                .description("Database commands sent by one turn's own reactive chain")
                .baseUnit("commands").publishPercentileHistogram().register(registry);
        Gauge.builder(IN_LANES, inLanes, AtomicInteger::get)
                .description("Turns submitted to the conversation lanes and not finished (waiting or running)")
                .register(registry);
    }

    private static Timer latency(MeterRegistry registry, String kind) {
        return Timer.builder(LATENCY).description("One turn, from submission to its lane to the replies handed over")
                .tag("kind", kind).publishPercentileHistogram().register(registry);
    }

    @Override
    public Mono<TurnResult> handle(InboundMessage message) {
        return measured(handled, () -> turns.handle(message));
    }

    @Override
    public Mono<TurnResult> open(String channel, String debtorId, String externalUserId) {
        return measured(opened, () -> turns.open(channel, debtorId, externalUserId));
    }

    @Override
    public Mono<TurnResult> resume(String conversationId, String stepId) {
        return measured(resumed, () -> turns.resume(conversationId, stepId));
    }

    private Mono<TurnResult> measured(Timer latency, Supplier<Mono<TurnResult>> turn) {
        return Mono.defer(() -> {
            long started = System.nanoTime();
            TurnCommandCount commands = new TurnCommandCount();
            inLanes.incrementAndGet();
            return turn.get()
                    .contextWrite(context -> context.put(TurnCommandCount.class, commands))
                    .doFinally(signal -> {
                        inLanes.decrementAndGet();
                        latency.record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
                        commandsPerTurn.record(commands.get());
                    });
        });
    }
}

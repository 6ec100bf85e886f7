package dev.cobra.runtime.metrics;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The database commands one turn has sent so far. Placed in the Reactor context of the turn by
 * {@link MeteredTurnHandler}; the driver hands that context to {@link DatabaseCommandMetrics} with every command
 * the turn's own reactive chain issues (a bulk write another turn's chain started is counted there instead).
 */
final class TurnCommandCount {

    private final AtomicInteger commands = new AtomicInteger();

    void increment() {
        commands.incrementAndGet();
    }

    int get() {
        return commands.get();
    }
}

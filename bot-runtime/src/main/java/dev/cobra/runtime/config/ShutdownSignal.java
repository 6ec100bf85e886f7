package dev.cobra.runtime.config;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Fires when the application starts to stop, before the web server's graceful shutdown. Endless responses
 * (Server-Sent Events streams) end on it: graceful shutdown waits for open requests, so one idle live stream
 * would otherwise hold every restart for the whole shutdown timeout (30 s measured).
 */
@Component
public class ShutdownSignal implements SmartLifecycle {

    private final Sinks.Empty<Void> stopping = Sinks.empty();
    private volatile boolean running;

    /** Completes once the application is stopping; use with {@code takeUntilOther} on endless streams. */
    public Mono<Void> stopping() {
        return stopping.asMono();
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        stopping.tryEmitEmpty();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops first: a higher phase stops earlier than the web server's graceful shutdown. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}

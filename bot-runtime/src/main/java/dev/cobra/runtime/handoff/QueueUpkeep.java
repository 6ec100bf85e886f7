package dev.cobra.runtime.handoff;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;

/**
 * Every {@link HandoffProperties#pollInterval()}: auto-assigns waiting chats (when enabled), then sends the
 * no-agent notices that are due. Every instance runs it; both steps are conditional single-document writes, so
 * running them on several instances at once is safe.
 */
@Component
class QueueUpkeep implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(QueueUpkeep.class);

    private final HandoffService handoff;
    private final WaitingNotices notices;
    private final HandoffProperties properties;
    private final Clock clock;
    private volatile Disposable polling;

    QueueUpkeep(HandoffService handoff, WaitingNotices notices, HandoffProperties properties, Clock clock) {
        this.handoff = handoff;
        this.notices = notices;
        this.properties = properties;
        this.clock = clock;
    }

    Mono<Void> tick() {
        Mono<Integer> assigned = properties.autoAssign() ? handoff.autoAssign() : Mono.just(0);
        return assigned.then(Mono.defer(() -> notices.sendDue(clock.instant()))).then();
    }

    @Override
    public void start() {
        polling = Flux.interval(properties.pollInterval(), properties.pollInterval(), Schedulers.parallel())
                .onBackpressureDrop()
                .concatMap(t -> tick().onErrorResume(e -> {
                    log.warn("handoff.upkeep.failed error={}", e.toString());
                    return Mono.empty();
                }), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable current = polling;
        if (current != null) {
            current.dispose();
        }
        polling = null;
    }

    @Override
    public boolean isRunning() {
        return polling != null;
    }
}

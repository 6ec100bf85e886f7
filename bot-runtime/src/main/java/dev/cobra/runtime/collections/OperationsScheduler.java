package dev.cobra.runtime.collections;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.time.Duration;

/**
 * Runs the promise sweep ({@code bot.promises.sweep-interval}, default 5 minutes) and the transcript retention
 * (hourly) in the background; a failed round is logged and the next one runs on time.
 */
@Component
public class OperationsScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OperationsScheduler.class);

    private final PromiseReminders reminders;
    private final TranscriptRetention retention;
    private final Clock clock;
    private final Duration interval;
    private volatile Disposable running;

    public OperationsScheduler(PromiseReminders reminders, TranscriptRetention retention, ObjectProvider<Clock> clock,
                               @Value("${bot.promises.sweep-interval:PT5M}") Duration interval) {
        this.reminders = reminders;
        this.retention = retention;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.interval = interval;
    }

    @Override
    public void start() {
        Flux<?> promiseRounds = Flux.interval(Duration.ofSeconds(30), interval, Schedulers.parallel())
                .concatMap(tick -> reminders.sweep().onErrorResume(e -> {
                    log.warn("promise.sweep.round_failed error={}", e.toString());
                    return Mono.empty();
                }));
        Flux<?> retentionRounds = Flux.interval(Duration.ofMinutes(1), Duration.ofHours(1), Schedulers.parallel())
                .concatMap(tick -> retention.purge(clock.instant()).onErrorResume(e -> {
                    log.warn("retention.round_failed error={}", e.toString());
                    return Mono.empty();
                }));
        running = Flux.merge(promiseRounds, retentionRounds).subscribe();
    }

    @Override
    public void stop() {
        Disposable d = running;
        if (d != null) {
            d.dispose();
        }
        running = null;
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }
}

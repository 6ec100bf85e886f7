package dev.cobra.runtime.campaign;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Starts scheduled campaigns when their time comes (checked every {@code campaigns.poll-interval}). */
@Component
public class CampaignScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CampaignScheduler.class);

    private final CampaignSchedules schedules;
    private final CampaignService campaigns;
    private final Clock clock;
    private final Duration pollInterval;
    private Disposable loop;

    public CampaignScheduler(CampaignSchedules schedules, CampaignService campaigns, ObjectProvider<Clock> clock,
                             @Value("${campaigns.poll-interval:PT5S}") Duration pollInterval) {
        this.schedules = schedules;
        this.campaigns = campaigns;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.pollInterval = pollInterval;
    }

    /** Starts every due campaign once; emits how many were started. */
    public Mono<Long> startDue() {
        Instant now = clock.instant();
        return schedules.due(now)
                .concatMap(due -> schedules.take(due.campaignId(), now)
                        .flatMap(taken -> campaigns.start(taken.campaignId())
                                .doOnNext(c -> log.info("campaign.scheduled.started id={} audience={}", c.id(), c.audience()))
                                .onErrorResume(e -> {
                                    log.warn("campaign.scheduled.not_started id={} cause={}", taken.campaignId(), e.getMessage());
                                    return Mono.empty();
                                })))
                .count();
    }

    @Override
    public synchronized void start() {
        if (loop == null) {
            loop = Flux.interval(pollInterval, pollInterval)
                    .onBackpressureDrop()
                    .concatMap(tick -> startDue().onErrorResume(e -> Mono.just(0L)), 1)
                    .subscribe();
        }
    }

    @Override
    public synchronized void stop() {
        if (loop != null) {
            loop.dispose();
            loop = null;
        }
    }

    @Override
    public boolean isRunning() {
        return loop != null;
    }
}

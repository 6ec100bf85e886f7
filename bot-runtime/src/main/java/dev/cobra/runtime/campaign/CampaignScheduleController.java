package dev.cobra.runtime.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cobra.runtime.compliance.StaffRoles;
import dev.cobra.runtime.web.error.ApiException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * A draft campaign's scheduled start: {@code PUT /api/campaigns/{id}/schedule} {@code {"startAt":"<instant>"}},
 * {@code GET} it (404 when none), {@code DELETE} it. {@link CampaignScheduler} starts it when due, through the same
 * checks as a manual start (approved template, still a draft).
 */
@RestController
public class CampaignScheduleController {

    /** Far enough for any plan, near enough to catch a typo in the year. */
    static final Duration MAX_AHEAD = Duration.ofDays(366);

    private final CampaignService campaigns;
    private final CampaignSchedules schedules;
    private final Clock clock;

    public CampaignScheduleController(CampaignService campaigns, CampaignSchedules schedules, ObjectProvider<Clock> clock) {
        this.campaigns = campaigns;
        this.schedules = schedules;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @PutMapping("/api/campaigns/{id}/schedule")
    public Mono<CampaignSchedules.Schedule> schedule(@PathVariable String id, @RequestBody JsonNode body) {
        Instant now = clock.instant();
        Instant startAt;
        try {
            startAt = Instant.parse(body.path("startAt").asText(""));
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("invalid_start", "startAt must be an ISO instant such as 2026-12-07T13:00:00Z.");
        }
        if (!startAt.isAfter(now) || startAt.isAfter(now.plus(MAX_AHEAD))) {
            throw ApiException.badRequest("invalid_start", "startAt must be in the future, at most a year ahead.");
        }
        return campaigns.find(id)
                .filter(c -> Campaign.DRAFT.equals(c.status()))
                .switchIfEmpty(Mono.error(() -> ApiException.conflict("invalid_state", "Only a draft campaign can be scheduled.")))
                .then(StaffRoles.username())
                .flatMap(user -> schedules.set(id, startAt, user));
    }

    @GetMapping("/api/campaigns/{id}/schedule")
    public Mono<CampaignSchedules.Schedule> get(@PathVariable String id) {
        return schedules.find(id).switchIfEmpty(Mono.error(() -> ApiException.notFound("This campaign is not scheduled.")));
    }

    @DeleteMapping("/api/campaigns/{id}/schedule")
    public Mono<ResponseEntity<Void>> unschedule(@PathVariable String id) {
        return schedules.remove(id).map(removed -> removed ? ResponseEntity.noContent().<Void>build()
                : ResponseEntity.notFound().<Void>build());
    }
}

package dev.cobra.runtime.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cobra.runtime.compliance.Csv;
import dev.cobra.runtime.compliance.StaffRoles;
import dev.cobra.runtime.web.error.ApiException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Campaigns over HTTP (ADMIN, SUPERVISOR by the path rules): create, start, pause, resume, cancel, the report
 * with counts, a preview of the audience with the policy's decisions, and the per-contact results as JSON or CSV.
 */
@RestController
public class CampaignController {

    private final CampaignService service;
    private final Clock clock;

    public CampaignController(CampaignService service, ObjectProvider<Clock> clock) {
        this.service = service;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @PostMapping("/api/campaigns")
    public Mono<Map<String, String>> create(@RequestBody JsonNode body) {
        return StaffRoles.username()
                .map(user -> CampaignRequests.parse(body, user, clock.instant()))
                .flatMap(service::create)
                .map(campaign -> Map.of("id", campaign.id()));
    }

    /** Every campaign, newest first, without counts (those are per campaign). */
    @GetMapping("/api/campaigns")
    public Mono<List<Map<String, Object>>> list() {
        return service.all().map(CampaignController::state).collectList();
    }

    @GetMapping("/api/campaigns/{id}")
    public Mono<Map<String, Object>> get(@PathVariable String id) {
        return service.report(id).map(report -> {
            Campaign c = report.campaign();
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", c.id());
            view.put("name", c.name());
            view.put("flowId", c.flowId());
            view.put("template", c.templateName() == null ? null
                    : Map.of("name", c.templateName(), "language", c.templateLanguage()));
            view.put("segment", c.segment());
            view.put("channel", c.channel());
            view.put("channels", c.channels());
            view.put("status", c.status());
            view.put("createdAt", c.createdAt().toString());
            view.put("startedAt", c.startedAt() == null ? null : c.startedAt().toString());
            view.put("audience", c.audience());
            view.put("counts", report.counts());
            view.put("blockReasons", report.blockReasons());
            return view;
        });
    }

    @GetMapping("/api/campaigns/{id}/preview")
    public Mono<Map<String, Object>> preview(@PathVariable String id) {
        return service.preview(id);
    }

    @PostMapping("/api/campaigns/{id}/start")
    public Mono<Map<String, Object>> start(@PathVariable String id) {
        return service.start(id).map(CampaignController::state);
    }

    @PostMapping("/api/campaigns/{id}/pause")
    public Mono<Map<String, Object>> pause(@PathVariable String id) {
        return service.pause(id).map(CampaignController::state);
    }

    @PostMapping("/api/campaigns/{id}/resume")
    public Mono<Map<String, Object>> resume(@PathVariable String id) {
        return service.resume(id).map(CampaignController::state);
    }

    @PostMapping("/api/campaigns/{id}/cancel")
    public Mono<Map<String, Object>> cancel(@PathVariable String id) {
        return service.cancel(id).map(CampaignController::state);
    }

    static final List<String> COLUMNS = List.of("debtorId", "status", "reason", "attempts", "nextAttemptAt", "wamid");

    @GetMapping("/api/campaigns/{id}/results")
    public Mono<ResponseEntity<?>> results(@PathVariable String id, @RequestParam(defaultValue = "json") String format) {
        if (!format.equalsIgnoreCase("json") && !format.equalsIgnoreCase("csv")) {
            throw ApiException.badRequest("invalid_format", "format must be json or csv.");
        }
        return service.find(id).thenMany(service.rows(id)).collectList().map(rows -> {
            if (format.equalsIgnoreCase("json")) {
                return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(rows);
            }
            StringBuilder csv = new StringBuilder(Csv.line(COLUMNS));
            rows.forEach(r -> csv.append(Csv.line(Arrays.asList(r.debtorId(), r.status(), r.reason(), r.attempts(),
                    r.nextAttemptAt(), r.wamid()))));
            return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"campaign-" + id + ".csv\"")
                    .body(csv.toString());
        });
    }

    private static Map<String, Object> state(Campaign campaign) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", campaign.id());
        view.put("name", campaign.name());
        view.put("status", campaign.status());
        view.put("createdAt", campaign.createdAt().toString());
        view.put("audience", campaign.audience());
        return view;
    }
}

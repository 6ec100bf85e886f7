package dev.cobra.runtime.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cobra.runtime.web.error.ApiException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/campaigns/audience} with {@code {"segment":{...},"channel":"whatsapp"}}: the live audience count
 * and block reasons of a segment being built, before the campaign is created (ADMIN, SUPERVISOR by the path rules).
 */
@RestController
public class CampaignAudienceController {

    private final CampaignService service;

    public CampaignAudienceController(CampaignService service) {
        this.service = service;
    }

    @PostMapping("/api/campaigns/audience")
    public Mono<Map<String, Object>> audience(@RequestBody JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("invalid_segment", "The body must be a JSON object.");
        }
        List<String> problems = new ArrayList<>();
        Segment segment = CampaignRequests.segment(body.path("segment"), problems);
        String channel = body.path("channel").asText("whatsapp");
        if (!CampaignRequests.CHANNELS.contains(channel)) {
            problems.add("channel: one of " + CampaignRequests.CHANNELS);
        }
        if (!problems.isEmpty()) {
            throw ApiException.badRequest("invalid_segment", String.join("; ", problems));
        }
        return service.previewSegment(segment, channel);
    }
}

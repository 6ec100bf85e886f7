package dev.cobra.runtime.compliance;

import dev.cobra.runtime.web.error.ApiException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** {@code GET /api/compliance/can-contact?debtorId=..&channel=whatsapp}: the policy's decision for now, recorded nowhere. */
@RestController
public class CanContactController {

    static final Set<String> CHANNELS = Set.of("whatsapp", "webchat", "sms", "email", "voice");

    private final ContactPolicy policy;
    private final Clock clock;

    public CanContactController(ContactPolicy policy, ObjectProvider<Clock> clock) {
        this.policy = policy;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @GetMapping("/api/compliance/can-contact")
    public Mono<Map<String, Object>> canContact(@RequestParam(required = false) String debtorId,
                                                @RequestParam(required = false) String channel) {
        if (debtorId == null || debtorId.isBlank()) {
            throw ApiException.badRequest("missing_debtor", "debtorId is required.");
        }
        requireChannel(channel);
        return policy.decide(debtorId, channel, clock.instant()).map(decision -> {
            if ("unknown_debtor".equals(decision.reason())) {
                throw ApiException.notFound("No debtor with this id.");
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("allowed", decision.allowed());
            body.put("reason", decision.reason());
            body.put("nextAllowedAt", decision.nextAllowedAt() == null ? null : decision.nextAllowedAt().toString());
            return body;
        });
    }

    static void requireChannel(String channel) {
        if (channel == null || !CHANNELS.contains(channel)) {
            throw ApiException.badRequest("invalid_channel", "channel must be one of " + CHANNELS + ".");
        }
    }
}

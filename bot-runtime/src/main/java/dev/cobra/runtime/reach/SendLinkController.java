package dev.cobra.runtime.reach;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cobra.runtime.compliance.StaffRoles;
import dev.cobra.runtime.debtor.DebtorDirectory;
import dev.cobra.runtime.web.error.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /api/debtors/{id}/links/send {"channel":"sms|email"}} (staff, agents included): sends the debtor's
 * personal chat link now, through the contact policy. 202 {@code {"sent":true}}; 409
 * {@code {"error":"contact_not_allowed","reason","nextAllowedAt"}} when the policy (or a missing address) says no;
 * 502 when the provider refused it; 503 when the channel is not configured.
 */
@RestController
public class SendLinkController {

    private final LinkDelivery delivery;
    private final DebtorDirectory debtors;

    public SendLinkController(LinkDelivery delivery, DebtorDirectory debtors) {
        this.delivery = delivery;
        this.debtors = debtors;
    }

    @io.swagger.v3.oas.annotations.Operation(summary = "Send the debtor's personal chat link now by SMS or email",
            description = "Through the contact policy: 202 when sent; 409 contact_not_allowed with the policy's reason "
                    + "and nextAllowedAt; 502 when the provider refused it; 503 when the channel is not configured.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content =
            @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json", examples =
            @io.swagger.v3.oas.annotations.media.ExampleObject(value = "{\"channel\":\"sms\"}"))))
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "202", description = "{\"sent\":true,\"channel\":\"sms\",\"messageId\":\"...\"}")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "409", description = "{\"error\":\"contact_not_allowed\",\"reason\":\"outside_contact_hours\",\"nextAllowedAt\":\"...\"}")
    @PostMapping("/api/debtors/{id}/links/send")
    public Mono<ResponseEntity<Map<String, Object>>> send(@PathVariable String id,
                                                          @RequestBody(required = false) JsonNode body) {
        String channel = body != null && body.path("channel").isTextual() ? body.path("channel").asText() : null;
        if (channel == null || !LinkDelivery.CHANNELS.contains(channel)) {
            throw ApiException.badRequest("invalid_channel", "Send {\"channel\":\"sms\"} or {\"channel\":\"email\"}.");
        }
        if (!delivery.configured(channel)) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "channel_not_configured", "sms".equals(channel)
                    ? "SMS is not configured (bot.sms.account-sid, bot.sms.auth-token, bot.sms.from)."
                    : "Email is not configured (spring.mail.host and bot.email.from).");
        }
        return debtors.findById(id)
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("No debtor with this id.")))
                .zipWith(StaffRoles.username())
                .flatMap(debtorAndUser -> delivery.attemptAndDeliver(debtorAndUser.getT1(), channel, "agent",
                        debtorAndUser.getT2(), null))
                .map(SendLinkController::answer);
    }

    private static ResponseEntity<Map<String, Object>> answer(LinkDelivery.Outcome outcome) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (!outcome.decision().allowed()) {
            body.put("error", "contact_not_allowed");
            body.put("message", "no_address".equals(outcome.decision().reason())
                    ? "The debtor has no " + ("sms".equals(outcome.channel()) ? "phone" : "email address") + " on file."
                    : "The contact policy does not allow this contact now.");
            body.put("reason", outcome.decision().reason());
            body.put("nextAllowedAt", outcome.decision().nextAllowedAt() == null ? null
                    : outcome.decision().nextAllowedAt().toString());
            return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
        }
        if (!outcome.delivered()) {
            body.put("error", "delivery_failed");
            body.put("message", "The " + outcome.channel() + " provider did not accept the message ("
                    + outcome.error() + ").");
            return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(body);
        }
        body.put("sent", true);
        body.put("channel", outcome.channel());
        body.put("messageId", outcome.messageId());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(body);
    }
}

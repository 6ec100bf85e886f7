package dev.cobra.runtime.payment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.cobra.runtime.web.error.ApiException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Currency;

/**
 * {@code POST /api/payments} from the creditor's system: {@code {debtorId, debtId, amount, currency, paidAt,
 * reference}}. 201 when recorded, 200 with {@code duplicate: true} when the reference was recorded before with the
 * same details, 409 when it was recorded with other details.
 */
@RestController
public class PaymentsController {

    private static final ObjectReader READER = new ObjectMapper().reader()
            .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final PaymentRecorder recorder;
    private final Clock clock;

    public PaymentsController(PaymentRecorder recorder, ObjectProvider<Clock> clock) {
        this.recorder = recorder;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @PostMapping(path = "/api/payments", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<PaymentRecorder.Recorded>> record(@RequestBody String body,
                                                                 org.springframework.security.core.Authentication auth) {
        Instant now = clock.instant();
        PaymentRecorder.Payment payment = parse(body, now);
        return recorder.record(payment, source(auth), now)
                .map(r -> ResponseEntity.status(r.duplicate() ? HttpStatus.OK : HttpStatus.CREATED).body(r));
    }

    /** "api" for the creditor's systems and supervisors; "agent:<user>" for a payment an agent recorded. */
    static String source(org.springframework.security.core.Authentication auth) {
        if (auth == null) {
            return "api";
        }
        boolean staffOnly = auth.getAuthorities().stream().map(a -> a.getAuthority())
                .noneMatch(a -> a.equals("ROLE_ADMIN") || a.equals("ROLE_SUPERVISOR"));
        return staffOnly ? "agent:" + auth.getName() : "api";
    }

    /** Reverses a recorded payment (chargeback, bounced transfer): it no longer reduces what the debtor owes. */
    @PostMapping(path = "/api/payments/{reference}/reversal")
    public Mono<PaymentRecorder.Recorded> reverse(@org.springframework.web.bind.annotation.PathVariable String reference,
                                                  java.security.Principal principal) {
        return recorder.reverse(reference, principal == null ? "api" : principal.getName(), clock.instant());
    }

    static PaymentRecorder.Payment parse(String body, Instant now) {
        JsonNode node;
        try {
            node = READER.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("malformed_json", "The request body is not valid JSON.");
        }
        if (node == null || !node.isObject()) {
            throw ApiException.badRequest("expected_object", "The body must be a JSON object.");
        }
        String debtorId = text(node, "debtorId", true);
        String reference = text(node, "reference", true);
        if (reference.length() > 200) {
            throw ApiException.badRequest("invalid_reference", "reference must be at most 200 characters.");
        }
        JsonNode amountNode = node.get("amount");
        BigDecimal amount;
        try {
            amount = amountNode == null || amountNode.isNull() ? null
                    : amountNode.isNumber() ? amountNode.decimalValue() : new BigDecimal(amountNode.asText());
        } catch (NumberFormatException e) {
            amount = null;
        }
        if (amount == null || amount.signum() <= 0) {
            throw ApiException.badRequest("invalid_amount", "amount must be a number above zero.");
        }
        if (dev.cobra.runtime.debtor.Amounts.problem(amount) != null) {
            throw ApiException.badRequest("invalid_amount", "amount " + dev.cobra.runtime.debtor.Amounts.problem(amount) + ".");
        }
        String currency = text(node, "currency", true);
        try {
            Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_currency", "currency must be an ISO 4217 code such as COP or USD.");
        }
        Instant paidAt = now;
        String paidAtText = text(node, "paidAt", false);
        if (paidAtText != null) {
            try {
                paidAt = Instant.parse(paidAtText);
            } catch (DateTimeParseException e) {
                throw ApiException.badRequest("invalid_paid_at", "paidAt must be an ISO-8601 instant, e.g. 2026-11-20T15:00:00Z.");
            }
        }
        return new PaymentRecorder.Payment(debtorId, text(node, "debtId", false), amount, currency, paidAt, reference);
    }

    private static String text(JsonNode node, String field, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            if (required) {
                throw ApiException.badRequest("missing_" + field, field + " is required.");
            }
            return null;
        }
        if (!value.isTextual()) {
            throw ApiException.badRequest("invalid_" + field, field + " must be a string.");
        }
        return value.asText().strip();
    }
}

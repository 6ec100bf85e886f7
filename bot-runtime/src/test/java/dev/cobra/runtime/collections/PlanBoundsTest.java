package dev.cobra.runtime.collections;

import dev.cobra.runtime.conversation.WebchatDriver;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Plan bounds per product: configured by API, offered by the bot, and a plan outside them goes to a negotiator. */
class PlanBoundsTest extends OperationsRuntimeTest {

    @Test
    void theBotOffersOnlyPlansWithinTheProductsBoundsAndHandsTheRestToANegotiator() {
        WebchatDriver chat = chat();
        chat.admin().put().uri("/api/plan-bounds/{p}", "Crédito libre").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("minInstallment", 200000, "maxInstallments", 24, "downPaymentPercent", 20))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.maxInstallments").isEqualTo(24);
        chat.admin().put().uri("/api/plan-bounds/{p}", "Crédito libre").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("maxInstallments", 0)).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").isEqualTo("invalid_max_installments");
        chat.admin().get().uri("/api/plan-bounds/{p}", "Crédito libre").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.maxInstallments").isEqualTo(24).jsonPath("$.minInstallment").isEqualTo(200000);

        LocalDate today = WebchatDriver.today();
        // 1,250,000 less 20 % down = 1,000,000; at least 200,000 per installment → at most 5 installments.
        chat.loadDebtor(WebchatDriver.defaultDebtor("D-PLAN-1", today, Map.of("product", "Crédito libre", "phone", "+573004440001")));
        WebchatDriver.Session outside = chat.open(chat.token("D-PLAN-1"));
        chat.say(outside, "1234");
        assertThat(chat.choose(outside, "plan").text()).contains("hasta 5");
        chat.say(outside, "6 cuotas");
        var conversation = chat.conversation(outside.conversationId());
        assertThat(conversation.path("status").asText()).isEqualTo("WAITING_AGENT");
        assertThat(conversation.path("handoff").path("reason").asText()).isEqualTo("plan_outside_bounds");
        assertThat(conversation.path("handoff").path("queue").asText()).isEqualTo("negotiation");

        WebchatDriver.Session within = chat.open(chat.token("D-PLAN-1"));
        chat.say(within, "1234");
        chat.choose(within, "plan");
        assertThat(chat.say(within, "5 cuotas").optionIds()).contains("confirm_yes");
        chat.choose(within, "confirm_yes");
        assertThat(chat.conversation(within.conversationId()).path("disposition").asText()).isEqualTo("PAYMENT_PLAN");

        // A product without bounds of its own uses the settings' default (12).
        chat.loadDebtor(WebchatDriver.defaultDebtor("D-PLAN-2", today, Map.of("product", "Otro", "phone", "+573004440002")));
        WebchatDriver.Session other = chat.open(chat.token("D-PLAN-2"));
        chat.say(other, "1234");
        assertThat(chat.choose(other, "plan").text()).contains("hasta 12");
    }

    @Test
    void theEffectiveMaximumKeepsEveryInstallmentAboveTheMinimum() {
        PlanBounds bounds = new PlanBounds("p", new BigDecimal("100"), 10, new BigDecimal("50"), BigDecimal.ZERO);
        assertThat(bounds.effectiveMaxInstallments(new BigDecimal("1000"))).isEqualTo(5);
        assertThat(bounds.effectiveMaxInstallments(new BigDecimal("100000"))).isEqualTo(10);
        assertThat(bounds.effectiveMaxInstallments(new BigDecimal("150"))).isZero();
        assertThat(bounds.downPayment(new BigDecimal("1000"))).isEqualByComparingTo("500");
        assertThat(new PlanBounds("p", BigDecimal.ZERO, 7, null, null).effectiveMaxInstallments(null)).isEqualTo(7);
    }
}

package dev.cobra.runtime.collections;

import dev.cobra.runtime.conversation.engine.CollectionActions.PlanInstallment;
import dev.cobra.runtime.conversation.engine.CollectionActions.PlanOffer;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The schedule the bot offers: inside the bounds, summing to the outstanding amount, monthly from a start date. */
class PlanScheduleTest {

    static final LocalDate TODAY = LocalDate.parse("2026-11-20");
    static final PlanBounds OPEN_BOUNDS = new PlanBounds("p", BigDecimal.ZERO, 12, null, null);

    @Test
    void evenInstallmentsRoundedDownWithTheRemainderInTheLastSumToTheOutstandingAmount() {
        PlanOffer offer = PlanSchedule.offer(OPEN_BOUNDS, new BigDecimal("1250000"), 3, null, TODAY, 7, 30).orElseThrow();
        assertThat(offer.installments()).containsExactly(
                new PlanInstallment(LocalDate.parse("2026-11-27"), new BigDecimal("416666")),
                new PlanInstallment(LocalDate.parse("2026-12-27"), new BigDecimal("416666")),
                new PlanInstallment(LocalDate.parse("2027-01-27"), new BigDecimal("416668")));
        assertThat(offer.total()).isEqualByComparingTo("1250000");

        PlanOffer cents = PlanSchedule.offer(OPEN_BOUNDS, new BigDecimal("1000.10"), 3, null, TODAY, 7, 30).orElseThrow();
        assertThat(cents.installments()).extracting(PlanInstallment::amount)
                .containsExactly(new BigDecimal("333.36"), new BigDecimal("333.36"), new BigDecimal("333.38"));
    }

    @Test
    void theDatesStartOnTheDateTheDebtorSaidWhenItIsNearAndKeepTheDayOfTheMonth() {
        LocalDate stated = LocalDate.parse("2026-12-31");
        List<LocalDate> dates = PlanSchedule.offer(OPEN_BOUNDS, new BigDecimal("900"), 3, stated, LocalDate.parse("2026-12-20"), 7, 30)
                .orElseThrow().installments().stream().map(PlanInstallment::date).toList();
        assertThat(dates).containsExactly(stated, LocalDate.parse("2027-01-31"), LocalDate.parse("2027-02-28"));

        assertThat(PlanSchedule.offer(OPEN_BOUNDS, new BigDecimal("900"), 3, TODAY.minusDays(1), TODAY, 7, 30)
                .orElseThrow().installments().get(0).date()).as("a past date is not a start").isEqualTo(TODAY.plusDays(7));
        assertThat(PlanSchedule.offer(OPEN_BOUNDS, new BigDecimal("900"), 3, TODAY.plusDays(90), TODAY, 7, 30)
                .orElseThrow().installments().get(0).date()).as("too far ahead").isEqualTo(TODAY.plusDays(7));
    }

    @Test
    void aDownPaymentComesFirstAndTheRestIsSplit() {
        PlanBounds bounds = new PlanBounds("p", new BigDecimal("200000"), 24, new BigDecimal("20"), null);
        PlanOffer offer = PlanSchedule.offer(bounds, new BigDecimal("1250000"), 5, null, TODAY, 7, 30).orElseThrow();
        assertThat(offer.installments()).hasSize(6);
        assertThat(offer.installments().get(0)).isEqualTo(new PlanInstallment(TODAY.plusDays(7), new BigDecimal("250000.00")));
        assertThat(offer.installments().get(1).date()).isEqualTo(TODAY.plusDays(7).plusMonths(1));
        assertThat(offer.installments().subList(1, 6)).extracting(PlanInstallment::amount)
                .allSatisfy(a -> assertThat(a).isEqualByComparingTo("200000"));
        assertThat(offer.total()).isEqualByComparingTo("1250000");
    }

    @Test
    void nothingIsOfferedOutsideTheBounds() {
        PlanBounds bounds = new PlanBounds("p", new BigDecimal("200000"), 24, new BigDecimal("20"), null);
        assertThat(PlanSchedule.offer(bounds, new BigDecimal("1250000"), 6, null, TODAY, 7, 30))
                .as("an installment below the minimum").isEmpty();
        assertThat(PlanSchedule.offer(OPEN_BOUNDS, new BigDecimal("1250000"), 13, null, TODAY, 7, 30)).isEmpty();
        assertThat(PlanSchedule.offer(OPEN_BOUNDS, new BigDecimal("1250000"), 1, null, TODAY, 7, 30)).isEmpty();
        assertThat(PlanSchedule.offer(OPEN_BOUNDS, BigDecimal.ZERO, 3, null, TODAY, 7, 30)).as("nothing owed").isEmpty();
    }
}

package dev.cobra.runtime.demo;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Days past due are counted in the debtor's own zone, so the demo's due dates must be too: loaded at 23:30 UTC,
 * Madrid is already on the next day and a due date taken from the UTC day would read one day later.
 */
class DemoDueDatesTest {

    private static final Clock LATE_EVENING_UTC = Clock.fixed(Instant.parse("2026-12-04T23:30:00Z"), ZoneOffset.UTC);

    @Test
    void theDemoDebtorsAreAtTheirStageInTheirOwnZoneAtAnyHour() {
        for (JsonNode row : DemoPortfolio.asImportRows(LATE_EVENING_UTC)) {
            DemoPortfolio.DemoDebtor declared = DemoPortfolio.DEBTORS.stream()
                    .filter(d -> d.id().equals(row.path("id").asText())).findFirst().orElseThrow();
            assertThat(daysPastDue(row.path("timezone").asText(), row.path("debts").get(0)))
                    .as(declared.id()).isEqualTo(declared.daysPastDue());
        }
    }

    @Test
    void theSyntheticActivityDebtorsAreToo() {
        for (var row : DemoActivity.rows(LATE_EVENING_UTC)) {
            DemoActivity.Extra declared = DemoActivity.EXTRAS.get(row.number() - 1);
            assertThat(daysPastDue(row.debtor().path("timezone").asText(), row.debtor().path("debts").get(0)))
                    .as(declared.id()).isEqualTo(declared.daysPastDue());
        }
    }

    private static long daysPastDue(String zone, JsonNode debt) {
        LocalDate today = LocalDate.now(LATE_EVENING_UTC.withZone(ZoneId.of(zone)));
        return ChronoUnit.DAYS.between(LocalDate.parse(debt.path("dueDate").asText()), today);
    }
}

package dev.cobra.runtime.compliance;

import dev.cobra.runtime.account.DebtorStanding;
import dev.cobra.runtime.account.Hold;
import dev.cobra.runtime.account.HoldStore;
import dev.cobra.runtime.debtor.Consent;
import dev.cobra.runtime.debtor.Debt;
import dev.cobra.runtime.debtor.Debtor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The policy engine pinned to chosen instants: every row of PRODUCT.md's contact-law table, public holidays (with
 * CO's moved-to-Monday rule), caps, time zones and the daylight-saving switch days of the US and Spain.
 */
class PolicyEngineTest {

    private static final Duration T = Duration.ofSeconds(10);
    private static final ZoneId BOGOTA = ZoneId.of("America/Bogota");
    private static final ZoneId MEXICO = ZoneId.of("America/Mexico_City");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    private static final ZoneId LIMA = ZoneId.of("America/Lima");

    private ComplianceMongo mongo;
    private MapDebtors debtors;
    private CountryContactRules rules;
    private ContactAuditTrail audit;
    private PolicyEngine engine;
    private HoldStore holds;

    @BeforeEach
    void setUp() {
        mongo = new ComplianceMongo();
        debtors = new MapDebtors();
        rules = new CountryContactRules(mongo.template);
        audit = new ContactAuditTrail(mongo.template);
        engine = new PolicyEngine(debtors, rules, new ContactWindows(new HolidayCalendar()), audit,
                new DebtorContactLocks(mongo.template), new DebtorStanding(holds = new HoldStore(mongo.template)));
        debtors.add("co", "CO", "America/Bogota", MapDebtors.optIn("whatsapp", "sms"), false);
        debtors.add("mx", "MX", "America/Mexico_City", MapDebtors.optIn("whatsapp"), false);
        debtors.add("us", "US", "America/New_York", MapDebtors.optIn("whatsapp"), false);
        debtors.add("es", "ES", "Europe/Madrid", MapDebtors.optIn("whatsapp"), false);
        debtors.add("pe", "PE", "America/Lima", MapDebtors.optIn("whatsapp"), false);
    }

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    private static Instant local(ZoneId zone, String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }

    private ContactDecision decide(String debtor, Instant at) {
        return engine.decide(debtor, "whatsapp", at).block(T);
    }

    private ContactDecision attempt(String debtor, String channel, Instant at) {
        return engine.attempt(new ContactAttempt(debtor, channel, "campaign", "c1", "cobro_recordatorio", at)).block(T);
    }

    private void assertAllowed(String debtor, Instant at) {
        ContactDecision decision = decide(debtor, at);
        assertThat(decision.allowed()).as(debtor + " at " + at + " -> " + decision).isTrue();
        assertThat(decision.reason()).isEqualTo("allowed");
    }

    private void assertBlocked(String debtor, Instant at, String reason, Instant next) {
        ContactDecision decision = decide(debtor, at);
        assertThat(decision.allowed()).as(debtor + " at " + at).isFalse();
        assertThat(decision.reason()).isEqualTo(reason);
        assertThat(decision.nextAllowedAt()).isEqualTo(next);
    }

    /** Lasting reasons (paid, holds) come before time-based ones: asked at night on a Sunday, they still answer. */
    @Test
    void aPaidDebtorAndAHeldDebtorAreRefusedWithTheirLastingReasonBeforeAnyTimeRule() {
        Instant sundayNight = local(BOGOTA, "2026-11-22T23:00");
        Debtor co = debtors.byId.get("co");
        debtors.byId.put("paid", new Debtor("paid", co.name(), co.phone(), null, "es", "America/Bogota", "CO", null,
                co.consent(), List.of(new Debt("L-1", "Tarjeta", java.math.BigDecimal.ZERO, "COP", null)), null, false, false));
        assertBlocked("paid", sundayNight, "paid", null);
        assertBlocked("co", sundayNight, "outside_contact_hours", local(BOGOTA, "2026-11-23T07:00"));

        holds.place("co", new Hold(Hold.COMPLAINT, null, "test", sundayNight, null, "bot"), sundayNight).block(T);
        holds.place("co", new Hold(Hold.DISPUTE, "L-1", "test", sundayNight, null, "bot"), sundayNight).block(T);
        assertBlocked("co", sundayNight, "hold:dispute", null);
        assertBlocked("co", local(BOGOTA, "2026-11-24T10:00"), "hold:dispute", null);
        holds.lift("co", Hold.DISPUTE, "supervisor", "validated", sundayNight).block(T);
        assertBlocked("co", local(BOGOTA, "2026-11-24T10:00"), "hold:complaint", null);
        holds.lift("co", Hold.COMPLAINT, "supervisor", "answered", sundayNight).block(T);
        assertAllowed("co", local(BOGOTA, "2026-11-24T10:00"));

        // A hold with an end stops contact until then only.
        Instant end = local(BOGOTA, "2026-11-25T00:00");
        holds.place("co", new Hold(Hold.PAYMENT_REVIEW, null, "test", sundayNight, end, "bot"), sundayNight).block(T);
        assertBlocked("co", local(BOGOTA, "2026-11-24T10:00"), "hold:payment_review", null);
        assertAllowed("co", local(BOGOTA, "2026-11-25T10:00"));
    }

    @Test
    void colombiaWeekdaysSevenToSevenSaturdayEightToThreeNeverSunday() {
        // 2026-11-17 is a Tuesday
        assertBlocked("co", local(BOGOTA, "2026-11-17T06:59"), "outside_contact_hours", local(BOGOTA, "2026-11-17T07:00"));
        assertAllowed("co", local(BOGOTA, "2026-11-17T07:00"));
        assertAllowed("co", local(BOGOTA, "2026-11-17T18:59"));
        assertBlocked("co", local(BOGOTA, "2026-11-17T19:00"), "outside_contact_hours", local(BOGOTA, "2026-11-18T07:00"));
        // Friday evening -> Saturday 08:00
        assertBlocked("co", local(BOGOTA, "2026-11-20T19:30"), "outside_contact_hours", local(BOGOTA, "2026-11-21T08:00"));
        assertBlocked("co", local(BOGOTA, "2026-11-21T07:30"), "outside_contact_hours", local(BOGOTA, "2026-11-21T08:00"));
        assertAllowed("co", local(BOGOTA, "2026-11-21T14:59"));
        // Saturday 15:00 and all of Sunday -> Monday 07:00
        assertBlocked("co", local(BOGOTA, "2026-11-21T15:00"), "outside_contact_hours", local(BOGOTA, "2026-11-23T07:00"));
        assertBlocked("co", local(BOGOTA, "2026-11-22T10:00"), "outside_contact_hours", local(BOGOTA, "2026-11-23T07:00"));
    }

    @Test
    void colombiaPublicHolidaysIncludingEasterAndMovedToMondayRules() {
        // Independencia de Cartagena (11 Nov, a Wednesday in 2026) is moved to Monday 16 Nov (Ley Emiliani)
        assertBlocked("co", local(BOGOTA, "2026-11-16T10:00"), "holiday", local(BOGOTA, "2026-11-17T07:00"));
        assertAllowed("co", local(BOGOTA, "2026-11-11T10:00"));
        // Reyes (6 Jan 2026, a Tuesday) moves to Monday 12 Jan
        assertAllowed("co", local(BOGOTA, "2026-01-06T10:00"));
        assertBlocked("co", local(BOGOTA, "2026-01-12T10:00"), "holiday", local(BOGOTA, "2026-01-13T07:00"));
        // Easter-based: Holy Thursday and Good Friday 2026 (2-3 Apr) -> Saturday 08:00; 2027 (25-26 Mar)
        assertBlocked("co", local(BOGOTA, "2026-04-01T19:00"), "outside_contact_hours", local(BOGOTA, "2026-04-04T08:00"));
        assertBlocked("co", local(BOGOTA, "2026-04-02T09:00"), "holiday", local(BOGOTA, "2026-04-04T08:00"));
        assertBlocked("co", local(BOGOTA, "2027-03-26T09:00"), "holiday", local(BOGOTA, "2027-03-27T08:00"));
        // Saturday before a Monday holiday: next is Tuesday
        assertBlocked("co", local(BOGOTA, "2026-11-14T16:00"), "outside_contact_hours", local(BOGOTA, "2026-11-17T07:00"));
    }

    @Test
    void colombiaOneContactPerDayAndOneChannelPerWeek() {
        Instant monday = local(BOGOTA, "2026-11-23T08:00");
        assertThat(attempt("co", "whatsapp", monday).allowed()).isTrue();
        ContactDecision second = attempt("co", "whatsapp", monday.plus(Duration.ofHours(2)));
        assertThat(second.allowed()).isFalse();
        assertThat(second.reason()).isEqualTo("frequency_cap");
        assertThat(second.nextAllowedAt()).isEqualTo(local(BOGOTA, "2026-11-24T07:00"));
        // the next day whatsapp is fine again, but another channel the same week is not
        assertThat(decide("co", local(BOGOTA, "2026-11-24T09:00")).allowed()).isTrue();
        ContactDecision sms = engine.decide("co", "sms", local(BOGOTA, "2026-11-25T09:00")).block(T);
        assertThat(sms.allowed()).isFalse();
        assertThat(sms.reason()).isEqualTo("frequency_cap");
        assertThat(sms.nextAllowedAt()).isEqualTo(local(BOGOTA, "2026-11-30T07:00"));
        assertThat(engine.decide("co", "sms", local(BOGOTA, "2026-11-30T07:00")).block(T).allowed()).isTrue();
    }

    @Test
    void mexicoSevenToTenEveryDayOncePerDay() {
        assertAllowed("mx", local(MEXICO, "2026-11-22T07:00")); // a Sunday
        assertAllowed("mx", local(MEXICO, "2026-11-22T21:59"));
        assertBlocked("mx", local(MEXICO, "2026-11-22T22:00"), "outside_contact_hours", local(MEXICO, "2026-11-23T07:00"));
        assertBlocked("mx", local(MEXICO, "2026-11-22T06:00"), "outside_contact_hours", local(MEXICO, "2026-11-22T07:00"));
        // Revolution day (third Monday of November) is a holiday, but the table allows every day in MX
        assertAllowed("mx", local(MEXICO, "2026-11-16T10:00"));
        assertThat(attempt("mx", "whatsapp", local(MEXICO, "2026-11-22T09:00")).allowed()).isTrue();
        assertBlocked("mx", local(MEXICO, "2026-11-22T21:00"), "frequency_cap", local(MEXICO, "2026-11-23T07:00"));
    }

    @Test
    void unitedStatesEightToNineEveryDayNoDailyCap() {
        assertAllowed("us", local(NEW_YORK, "2026-11-22T08:00"));
        assertAllowed("us", local(NEW_YORK, "2026-11-26T20:59")); // Thanksgiving: not a blocked day in the table
        assertBlocked("us", local(NEW_YORK, "2026-11-22T21:00"), "outside_contact_hours", local(NEW_YORK, "2026-11-23T08:00"));
        for (int i = 0; i < 3; i++) {
            assertThat(attempt("us", "whatsapp", local(NEW_YORK, "2026-11-23T10:00").plusSeconds(60L * i)).allowed())
                    .isTrue();
        }
    }

    @Test
    void unitedStatesDaylightSavingSwitchDaysMoveTheWindowWithTheLocalClock() {
        // 7 Mar 2026 (EST, UTC-5): 12:30Z is 07:30 local -> blocked until 13:00Z
        assertBlocked("us", Instant.parse("2026-03-07T12:30:00Z"), "outside_contact_hours",
                Instant.parse("2026-03-07T13:00:00Z"));
        // 8 Mar 2026, clocks go forward at 02:00 (EDT, UTC-4): 12:30Z is 08:30 local -> allowed
        assertAllowed("us", Instant.parse("2026-03-08T12:30:00Z"));
        assertBlocked("us", Instant.parse("2026-03-08T11:30:00Z"), "outside_contact_hours",
                Instant.parse("2026-03-08T12:00:00Z"));
        // Evening of the switch day: 21:00 EDT is 01:00Z
        assertBlocked("us", Instant.parse("2026-03-09T01:00:00Z"), "outside_contact_hours",
                Instant.parse("2026-03-09T12:00:00Z"));
        // 1 Nov 2026, clocks go back at 02:00 (EST again): 12:30Z is 07:30 local -> blocked until 13:00Z
        assertBlocked("us", Instant.parse("2026-11-01T12:30:00Z"), "outside_contact_hours",
                Instant.parse("2026-11-01T13:00:00Z"));
        assertAllowed("us", Instant.parse("2026-10-31T12:30:00Z"));
    }

    @Test
    void spainNineToNineMondayToFridayAcrossDaylightSavingSwitches() {
        assertAllowed("es", local(MADRID, "2026-11-23T09:00"));
        assertBlocked("es", local(MADRID, "2026-11-23T08:59"), "outside_contact_hours", local(MADRID, "2026-11-23T09:00"));
        assertBlocked("es", local(MADRID, "2026-11-21T11:00"), "outside_contact_hours", local(MADRID, "2026-11-23T09:00"));
        // Friday 27 Mar 2026 20:30Z = 21:30 CET -> Monday 30 Mar 09:00 CEST (07:00Z; DST began Sunday 29 Mar)
        assertBlocked("es", Instant.parse("2026-03-27T20:30:00Z"), "outside_contact_hours",
                Instant.parse("2026-03-30T07:00:00Z"));
        // Friday 23 Oct 2026 19:30Z = 21:30 CEST -> Monday 26 Oct 09:00 CET (08:00Z; DST ended Sunday 25 Oct)
        assertBlocked("es", Instant.parse("2026-10-23T19:30:00Z"), "outside_contact_hours",
                Instant.parse("2026-10-26T08:00:00Z"));
        assertThat(attempt("es", "whatsapp", local(MADRID, "2026-11-23T10:00")).allowed()).isTrue();
        assertBlocked("es", local(MADRID, "2026-11-23T12:00"), "frequency_cap", local(MADRID, "2026-11-24T09:00"));
    }

    @Test
    void otherCountriesUseTheDefaultRowInTheDebtorsZone() {
        assertAllowed("pe", local(LIMA, "2026-11-21T08:00")); // Saturday
        assertBlocked("pe", local(LIMA, "2026-11-21T20:00"), "outside_contact_hours", local(LIMA, "2026-11-23T08:00"));
        assertBlocked("pe", local(LIMA, "2026-11-22T12:00"), "outside_contact_hours", local(LIMA, "2026-11-23T08:00"));
    }

    @Test
    void aMissingTimeZoneFallsBackToTheCountrysZone() {
        debtors.add("co-nozone", "CO", null, MapDebtors.optIn("whatsapp"), false);
        assertAllowed("co-nozone", local(BOGOTA, "2026-11-17T07:00"));
        assertBlocked("co-nozone", local(BOGOTA, "2026-11-17T06:30"), "outside_contact_hours",
                local(BOGOTA, "2026-11-17T07:00"));
    }

    @Test
    void consentAndOptOutComeBeforeAnyWindow() {
        debtors.add("none", "MX", "America/Mexico_City", Map.of(), false);
        debtors.add("sms-only", "MX", "America/Mexico_City", MapDebtors.optIn("sms"), false);
        debtors.add("out", "MX", "America/Mexico_City", MapDebtors.optIn("whatsapp"), true);
        debtors.add("withdrawn", "MX", "America/Mexico_City",
                Map.of("whatsapp", new Consent(false, Instant.parse("2026-11-01T00:00:00Z"), "debtor-opt-out:sms")),
                false);
        Instant noon = local(MEXICO, "2026-11-22T12:00");
        assertBlocked("none", noon, "no_consent", null);
        assertBlocked("sms-only", noon, "no_consent", null);
        assertBlocked("out", noon, "opted_out", null);
        assertBlocked("withdrawn", noon, "opted_out", null);
        assertBlocked("ghost", noon, "unknown_debtor", null);
    }

    @Test
    void anAdminPolicyReplacesTheDefaultForItsCountry() {
        Instant sunday = local(BOGOTA, "2026-11-22T10:00");
        assertBlocked("co", sunday, "outside_contact_hours", local(BOGOTA, "2026-11-23T07:00"));
        Map<DayOfWeek, CountryPolicy.Window> everyDay = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            everyDay.put(day, new CountryPolicy.Window(LocalTime.of(9, 0), LocalTime.of(12, 0)));
        }
        rules.save(new CountryPolicy("CO", "America/Bogota", everyDay, false, 2, 3, false, "creditor contract"))
                .block(T);
        assertAllowed("co", sunday);
        assertBlocked("co", local(BOGOTA, "2026-11-22T12:00"), "outside_contact_hours", local(BOGOTA, "2026-11-23T09:00"));
        assertThat(attempt("co", "whatsapp", local(BOGOTA, "2026-11-23T09:00")).allowed()).isTrue();
        assertThat(attempt("co", "whatsapp", local(BOGOTA, "2026-11-23T09:10")).allowed()).isTrue();
        assertBlocked("co", local(BOGOTA, "2026-11-23T09:20"), "frequency_cap", local(BOGOTA, "2026-11-24T09:00"));
        assertThat(attempt("co", "whatsapp", local(BOGOTA, "2026-11-24T09:00")).allowed()).isTrue();
        assertBlocked("co", local(BOGOTA, "2026-11-25T09:00"), "frequency_cap", local(BOGOTA, "2026-11-30T09:00"));
        rules.reset("CO").block(T);
        assertThat(rules.forCountry("co").block(T)).isEqualTo(CountryContactRules.builtIn("CO"));
    }

    @Test
    void concurrentAttemptsForOneDebtorPassTheDailyCapOnlyOnce() {
        Instant noon = local(MEXICO, "2026-11-23T12:00");
        List<ContactDecision> decisions = reactor.core.publisher.Flux.range(0, 8)
                .flatMap(i -> engine.attempt(new ContactAttempt("mx", "whatsapp", i % 2 == 0 ? "campaign" : "reminder",
                        "s" + i, null, noon)).subscribeOn(reactor.core.scheduler.Schedulers.parallel()), 8)
                .collectList().block(Duration.ofSeconds(60));
        assertThat(decisions).hasSize(8);
        assertThat(decisions.stream().filter(ContactDecision::allowed)).hasSize(1);
        assertThat(decisions.stream().filter(d -> "frequency_cap".equals(d.reason()))).hasSize(7);
        assertThat(audit.find("mx", null, null, 100).collectList().block(T)).hasSize(8);
    }

    @Test
    void everyAttemptIsOneAuditRowWithTheDebtorsLocalTimeAndConsentBasis() {
        attempt("co", "whatsapp", local(BOGOTA, "2026-11-22T10:00"));
        attempt("co", "whatsapp", local(BOGOTA, "2026-11-23T10:00"));
        attempt("mx", "whatsapp", local(MEXICO, "2026-11-23T10:00"));
        List<AuditRow> rows = audit.find("co", null, null, 100).collectList().block(T);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).allowed()).isFalse();
        assertThat(rows.get(0).reason()).isEqualTo("outside_contact_hours");
        assertThat(rows.get(0).debtorLocalTime()).startsWith("2026-11-22T10:00-05:00");
        assertThat(rows.get(0).consentBasis()).contains("opt-in whatsapp").contains("web-form");
        assertThat(rows.get(1).allowed()).isTrue();
        assertThat(rows.get(1).template()).isEqualTo("cobro_recordatorio");
        assertThat(audit.find(null, local(MEXICO, "2026-11-23T00:00"), null, 100).collectList().block(T)).hasSize(2);
    }
}

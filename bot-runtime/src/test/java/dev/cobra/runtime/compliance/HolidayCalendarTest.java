package dev.cobra.runtime.compliance;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Public holidays from the Jollyday data set, with moved and observed holidays kept on the day the law keeps them
 * ({@code getDate()}), and a weekend holiday's own date as well.
 */
class HolidayCalendarTest {

    private final HolidayCalendar calendar = new HolidayCalendar();

    private void holidays(String country, String... days) {
        for (String day : days) {
            assertThat(calendar.isHoliday(country, LocalDate.parse(day))).as(country + " " + day).isTrue();
        }
    }

    private void workingDays(String country, String... days) {
        for (String day : days) {
            assertThat(calendar.isHoliday(country, LocalDate.parse(day))).as(country + " " + day).isFalse();
        }
    }

    @Test
    void colombiaKeepsLeyEmilianiHolidaysOnTheMondayAndEasterFeasts() {
        holidays("CO", "2026-01-01", "2026-01-12", "2026-03-23", "2026-04-02", "2026-04-03", "2026-05-01",
                "2026-05-18", "2026-06-08", "2026-06-15", "2026-06-29", "2026-07-20", "2026-08-07", "2026-08-17",
                "2026-10-12", "2026-11-02", "2026-11-16", "2026-12-08", "2026-12-25");
        // The feasts' own weekdays are working days: Reyes, San José, Cartagena...
        workingDays("CO", "2026-01-06", "2026-03-19", "2026-11-11", "2026-05-14", "2026-06-04");
        holidays("co", "2027-01-11", "2027-03-22", "2027-03-25", "2027-03-26", "2027-05-10", "2027-05-31",
                "2027-06-07", "2027-07-05", "2027-08-16", "2027-10-18", "2027-11-01", "2027-11-15");
        workingDays("CO", "2027-01-06", "2027-06-29");
    }

    @Test
    void mexicoKeepsItsMondayHolidays() {
        holidays("MX", "2026-02-02", "2026-03-16", "2026-11-16", "2026-09-16", "2026-12-25");
        workingDays("MX", "2026-02-05", "2026-03-21", "2026-11-20");
    }

    @Test
    void theUnitedStatesObserveWeekendHolidaysOnAWeekdayAcrossTheNewYearToo() {
        holidays("US", "2026-07-03", "2026-07-04", "2027-07-05", "2027-12-24", "2027-12-25", "2026-11-26", "2027-11-25");
        // New Year 2028 falls on a Saturday: observed on Friday 31 December 2027.
        holidays("US", "2027-12-31");
        workingDays("US", "2026-07-06", "2027-12-27");
    }

    @Test
    void spainKeepsNationalHolidaysOnTheirDateEvenOnASunday() {
        holidays("ES", "2026-10-12", "2027-03-26", "2027-08-15", "2026-12-08");
        workingDays("ES", "2026-10-13", "2027-08-16");
        workingDays("XX", "2026-01-01");
        assertThat(calendar.isHoliday(null, LocalDate.parse("2026-01-01"))).isFalse();
    }
}

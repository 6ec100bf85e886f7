package dev.cobra.runtime.compliance;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Public holidays: Colombia by rule (Ley Emiliani, Easter-based), the others from the Jollyday data set. */
class HolidayCalendarTest {

    private final HolidayCalendar calendar = new HolidayCalendar();

    @Test
    void easterSundayForSeveralYears() {
        assertThat(ColombianHolidays.easterSunday(2024)).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(ColombianHolidays.easterSunday(2025)).isEqualTo(LocalDate.of(2025, 4, 20));
        assertThat(ColombianHolidays.easterSunday(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
        assertThat(ColombianHolidays.easterSunday(2027)).isEqualTo(LocalDate.of(2027, 3, 28));
        assertThat(ColombianHolidays.easterSunday(2038)).isEqualTo(LocalDate.of(2038, 4, 25));
    }

    @Test
    void colombia2026IsTheOfficialList() {
        Set<LocalDate> expected = new TreeSet<>();
        for (String day : new String[]{"01-01", "01-12", "03-23", "04-02", "04-03", "05-01", "05-18", "06-08",
                "06-15", "06-29", "07-20", "08-07", "08-17", "10-12", "11-02", "11-16", "12-08", "12-25"}) {
            expected.add(LocalDate.parse("2026-" + day));
        }
        assertThat(new TreeSet<>(ColombianHolidays.of(2026))).isEqualTo(expected);
    }

    @Test
    void colombia2027MovesFeastsToMonday() {
        for (String day : new String[]{"2027-01-11", "2027-03-22", "2027-03-25", "2027-03-26", "2027-05-10",
                "2027-05-31", "2027-06-07", "2027-07-05", "2027-08-16", "2027-10-18", "2027-11-01", "2027-11-15"}) {
            assertThat(calendar.isHoliday("CO", LocalDate.parse(day))).as(day).isTrue();
        }
        assertThat(calendar.isHoliday("co", LocalDate.parse("2027-01-06"))).isFalse();
        assertThat(calendar.isHoliday("CO", LocalDate.parse("2027-06-29"))).isFalse();
    }

    @Test
    void otherCountriesFromTheDataSet() {
        assertThat(calendar.isHoliday("MX", LocalDate.parse("2026-11-16"))).isTrue(); // Revolution, 3rd Monday
        assertThat(calendar.isHoliday("MX", LocalDate.parse("2026-11-20"))).isFalse();
        assertThat(calendar.isHoliday("US", LocalDate.parse("2026-11-26"))).isTrue(); // Thanksgiving
        assertThat(calendar.isHoliday("US", LocalDate.parse("2027-11-25"))).isTrue();
        assertThat(calendar.isHoliday("ES", LocalDate.parse("2026-10-12"))).isTrue();
        assertThat(calendar.isHoliday("ES", LocalDate.parse("2027-03-26"))).isTrue(); // Good Friday 2027
        assertThat(calendar.isHoliday("ES", LocalDate.parse("2026-10-13"))).isFalse();
        assertThat(calendar.isHoliday("XX", LocalDate.parse("2026-01-01"))).isFalse();
        assertThat(calendar.isHoliday(null, LocalDate.parse("2026-01-01"))).isFalse();
    }
}

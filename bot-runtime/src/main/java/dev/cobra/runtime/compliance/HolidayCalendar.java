package dev.cobra.runtime.compliance;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * National public holidays per country for any year, from the maintained Jollyday data set
 * (de.focus-shift:jollyday; public holidays only, no observances, no regional holidays). A country it does not know
 * has no holidays.
 *
 * <p>Moved and observed holidays: Jollyday's {@link Holiday#getDate()} is the day the holiday is kept — Colombia's
 * Ley Emiliani Monday (Cartagena, 11 Nov 2026 → Monday 16 Nov), the US federal observance of a weekend holiday
 * (4 July 2026, a Saturday → Friday 3 July) — while {@link Holiday#getActualDate()} is the calendar date it commemorates.
 * The day kept is always a holiday here; the calendar date too when it falls on a weekend (the feast is still that
 * day), but not a weekday the law moved the holiday away from (11 Nov 2026 in Colombia is a working day).
 */
public class HolidayCalendar {

    private final Map<String, Set<LocalDate>> byCountryYear = new ConcurrentHashMap<>();

    public boolean isHoliday(String country, LocalDate date) {
        if (country == null || country.isBlank()) {
            return false;
        }
        String code = country.trim().toUpperCase(Locale.ROOT);
        return byCountryYear.computeIfAbsent(code + ":" + date.getYear(), key -> load(code, date.getYear()))
                .contains(date);
    }

    /** A country's public holidays of one year, in date order (empty for a country without a calendar). */
    public java.util.List<LocalDate> holidays(String country, int year) {
        String code = country.trim().toUpperCase(Locale.ROOT);
        return byCountryYear.computeIfAbsent(code + ":" + year, key -> load(code, year)).stream().sorted().toList();
    }

    private static Set<LocalDate> load(String code, int year) {
        if (!HolidayManager.getSupportedCalendarCodes().contains(code)) {
            return Set.of();
        }
        HolidayManager manager = HolidayManager.getInstance(ManagerParameters.create(code));
        Set<LocalDate> days = new HashSet<>();
        // The year before and after too: a holiday observed across New Year (1 Jan on a Saturday → 31 Dec).
        for (int y = year - 1; y <= year + 1; y++) {
            for (Holiday holiday : manager.getHolidays(Year.of(y), HolidayType.PUBLIC_HOLIDAY)) {
                days.add(holiday.getDate());
                if (weekend(holiday.getActualDate())) {
                    days.add(holiday.getActualDate());
                }
            }
        }
        days.removeIf(d -> d.getYear() != year);
        return Set.copyOf(days);
    }

    private static boolean weekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}

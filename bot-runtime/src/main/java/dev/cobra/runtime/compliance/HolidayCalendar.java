package dev.cobra.runtime.compliance;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;

import java.time.LocalDate;
import java.time.Year;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * National public holidays per country for any year. Colombia's are computed by rule ({@link ColombianHolidays}:
 * Ley Emiliani "moved to Monday" and Easter-based feasts); every other country's come from the maintained Jollyday
 * data set (de.focus-shift:jollyday), public holidays only (no observances, no regional holidays). A country
 * neither knows has no holidays.
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
        if ("CO".equals(code)) {
            return ColombianHolidays.of(year);
        }
        if (!HolidayManager.getSupportedCalendarCodes().contains(code)) {
            return Set.of();
        }
        HolidayManager manager = HolidayManager.getInstance(ManagerParameters.create(code));
        return manager.getHolidays(Year.of(year), HolidayType.PUBLIC_HOLIDAY).stream()
                .map(Holiday::getActualDate)
                .collect(Collectors.toUnmodifiableSet());
    }
}

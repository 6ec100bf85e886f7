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
 * National public holidays per country from the maintained Jollyday data set (de.focus-shift:jollyday), which
 * implements the moving rules (Easter-based feasts, CO's Ley Emiliani "moved to Monday", US observed days) for
 * any year. Regional holidays are not included. A country Jollyday does not know has no holidays.
 */
public class HolidayCalendar {

    private final Map<String, Set<LocalDate>> byCountryYear = new ConcurrentHashMap<>();

    public boolean isHoliday(String country, LocalDate date) {
        if (country == null || country.isBlank()) {
            return false;
        }
        String code = country.trim().toLowerCase(Locale.ROOT);
        return byCountryYear.computeIfAbsent(code + ":" + date.getYear(), key -> load(code, date.getYear()))
                .contains(date);
    }

    private static Set<LocalDate> load(String code, int year) {
        if (!HolidayManager.getSupportedCalendarCodes().contains(code)) {
            return Set.of();
        }
        HolidayManager manager = HolidayManager.getInstance(ManagerParameters.create(code));
        return manager.getHolidays(Year.of(year), HolidayType.PUBLIC_HOLIDAY).stream()
                .map(Holiday::getActualDate)
                .collect(Collectors.toUnmodifiableSet());
    }
}

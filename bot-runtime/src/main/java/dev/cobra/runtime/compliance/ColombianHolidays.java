package dev.cobra.runtime.compliance;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.TemporalAdjusters;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Colombia's national public holidays for any year, by rule: Ley 51 de 1983 ("Ley Emiliani") moves most feasts to
 * the following Monday, and several are Easter-based. Computed here because the holiday library's Colombian data
 * keeps the feasts on their original dates, which would let contacts out on the real (Monday) holidays.
 */
final class ColombianHolidays {

    /** Never moved. */
    private static final List<MonthDay> FIXED = List.of(MonthDay.of(1, 1), MonthDay.of(5, 1), MonthDay.of(7, 20),
            MonthDay.of(8, 7), MonthDay.of(12, 8), MonthDay.of(12, 25));
    /** Moved to the next Monday when they do not fall on one (Ley 51 de 1983). */
    private static final List<MonthDay> MOVED_TO_MONDAY = List.of(MonthDay.of(1, 6), MonthDay.of(3, 19),
            MonthDay.of(6, 29), MonthDay.of(8, 15), MonthDay.of(10, 12), MonthDay.of(11, 1), MonthDay.of(11, 11));

    private ColombianHolidays() {
    }

    static Set<LocalDate> of(int year) {
        Set<LocalDate> days = new HashSet<>();
        for (MonthDay day : FIXED) {
            days.add(day.atYear(year));
        }
        for (MonthDay day : MOVED_TO_MONDAY) {
            days.add(nextMonday(day.atYear(year)));
        }
        LocalDate easter = easterSunday(year);
        days.add(easter.minusDays(3)); // Holy Thursday
        days.add(easter.minusDays(2)); // Good Friday
        days.add(nextMonday(easter.plusDays(39))); // Ascension -> Monday
        days.add(nextMonday(easter.plusDays(60))); // Corpus Christi -> Monday
        days.add(nextMonday(easter.plusDays(68))); // Sacred Heart -> Monday
        return Set.copyOf(days);
    }

    static LocalDate nextMonday(LocalDate date) {
        return date.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
    }

    /** Gregorian Easter Sunday (the anonymous Gregorian algorithm of Meeus, Jones and Butcher). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }
}

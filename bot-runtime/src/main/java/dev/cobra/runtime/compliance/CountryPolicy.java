package dev.cobra.runtime.compliance;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.Map;

/**
 * The contact rules of one country, in the debtor's own local time.
 *
 * @param country           ISO 3166-1 alpha-2 code, or {@code DEFAULT} for countries without their own rules
 * @param zone              the time zone assumed for debtors of this country who have none recorded
 * @param hours             the contact window per allowed day; a day that is absent is never allowed
 * @param skipHolidays      true when no contact is allowed on the country's public holidays
 * @param maxPerDay         allowed business-initiated contacts per local calendar day (0 = no cap)
 * @param maxPerWeek        allowed contacts per local ISO week, Monday to Sunday (0 = no cap)
 * @param oneChannelPerWeek true when all contacts of one week must use the same channel (CO, Ley 2300)
 * @param source            the legal or product source of the rule, for operators
 */
public record CountryPolicy(String country, String zone, Map<DayOfWeek, Window> hours, boolean skipHolidays,
                            int maxPerDay, int maxPerWeek, boolean oneChannelPerWeek, String source) {

    /** A contact window within one local day: {@code from} inclusive, {@code to} exclusive. */
    public record Window(LocalTime from, LocalTime to) {
        public boolean contains(LocalTime time) {
            return !time.isBefore(from) && time.isBefore(to);
        }
    }

    public CountryPolicy {
        Map<DayOfWeek, Window> copy = new EnumMap<>(DayOfWeek.class);
        if (hours != null) {
            copy.putAll(hours);
        }
        hours = Map.copyOf(copy);
    }

    public Window window(DayOfWeek day) {
        return hours.get(day);
    }
}

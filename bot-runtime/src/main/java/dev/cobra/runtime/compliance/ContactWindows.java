package dev.cobra.runtime.compliance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;

/**
 * The calendar side of a country policy: whether a local time is inside the contact hours of an allowed,
 * non-holiday day, and the next time that is. Works on local dates and times and converts with the debtor's zone,
 * so daylight-saving switches move the window with the debtor's clock (a time skipped by a switch moves forward).
 */
public class ContactWindows {

    /** How far ahead an opening is looked for; a policy with no allowed day has none. */
    static final int SEARCH_DAYS = 400;

    private final HolidayCalendar holidays;

    public ContactWindows(HolidayCalendar holidays) {
        this.holidays = holidays;
    }

    /** Null when a contact may go out at {@code local}; otherwise {@code holiday} or {@code outside_contact_hours}. */
    public String closedReason(CountryPolicy policy, ZonedDateTime local) {
        if (isHoliday(policy, local.toLocalDate())) {
            return "holiday";
        }
        CountryPolicy.Window window = policy.window(local.getDayOfWeek());
        if (window == null || !window.contains(local.toLocalTime())) {
            return "outside_contact_hours";
        }
        return null;
    }

    /** The first instant at or after {@code from} inside the contact hours, or null when there is none. */
    public Instant nextOpening(CountryPolicy policy, ZonedDateTime from) {
        for (int i = 0; i < SEARCH_DAYS; i++) {
            LocalDate date = from.toLocalDate().plusDays(i);
            CountryPolicy.Window window = policy.window(date.getDayOfWeek());
            if (window == null || isHoliday(policy, date)) {
                continue;
            }
            LocalTime start = window.from();
            if (i == 0) {
                if (!from.toLocalTime().isBefore(window.to())) {
                    continue;
                }
                if (from.toLocalTime().isAfter(start)) {
                    return from.toInstant();
                }
            }
            ZonedDateTime opening = ZonedDateTime.of(date, start, from.getZone());
            if (opening.toLocalTime().isBefore(window.to()) && !opening.isBefore(from)) {
                return opening.toInstant();
            }
        }
        return null;
    }

    private boolean isHoliday(CountryPolicy policy, LocalDate date) {
        return policy.skipHolidays() && holidays.isHoliday(policy.country(), date);
    }
}

package dev.cobra.runtime.conversation.engine;

import dev.cobra.runtime.debtor.Debtor;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * What a turn knows besides the conversation state.
 *
 * @param debtor the debtor, or null for an anonymous webchat visitor
 * @param now    the clock's instant for this turn
 * @param today  today in the debtor's time zone (dates such as "el viernes" resolve against it)
 * @param zone   the debtor's time zone (UTC for anonymous visitors)
 */
public record TurnContext(Debtor debtor, Instant now, LocalDate today, ZoneId zone) {

    public static TurnContext of(Debtor debtor, java.time.Clock clock) {
        ZoneId zone = debtor == null ? ZoneId.of("UTC") : debtor.zone();
        Instant now = clock.instant();
        return new TurnContext(debtor, now, LocalDate.ofInstant(now, zone), zone);
    }
}

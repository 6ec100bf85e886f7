package dev.cobra.runtime.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * Per-country rules for holds the bot places from a conversation: whether a hold of a type applies in the debtor's
 * country and how long it lasts before collection may resume on its own (null: until a supervisor lifts it).
 * Every hold in force stops business-initiated contact (docs/compliance.md, "Holds").
 *
 * <ul>
 *   <li>US (Reg F, 12 CFR 1006.34 and FDCPA §1692g(b)): a disputed debt is not collected until it is validated, so a
 *       dispute hold never ends by itself.</li>
 *   <li>CO (Ley 1328 de 2009, SFC): complaints and disputes are answered within 15 business days; the hold covers
 *       that time (three calendar weeks).</li>
 *   <li>Elsewhere (product default): disputes and complaints hold until a person reviews them (30 days at most for a
 *       dispute), a "ya pagué" claim 10 days while the payment is looked for, hardship 30 days.</li>
 * </ul>
 */
public final class HoldRules {

    /** How a hold type applies in a country. */
    public record Rule(boolean applies, Duration length) {

        /** The end of a hold placed at {@code at}, or null when it lasts until lifted. */
        public Instant until(Instant at) {
            return length == null ? null : at.plus(length);
        }
    }

    private static final Map<String, Rule> DEFAULT = Map.of(
            Hold.DISPUTE, new Rule(true, Duration.ofDays(30)),
            Hold.COMPLAINT, new Rule(true, null),
            Hold.PAYMENT_REVIEW, new Rule(true, Duration.ofDays(10)),
            Hold.HARDSHIP, new Rule(true, Duration.ofDays(30)));

    private static final Map<String, Map<String, Rule>> BY_COUNTRY = Map.of(
            "US", Map.of(Hold.DISPUTE, new Rule(true, null)),
            "CO", Map.of(Hold.DISPUTE, new Rule(true, Duration.ofDays(21)),
                    Hold.COMPLAINT, new Rule(true, Duration.ofDays(21))));

    private HoldRules() {
    }

    public static Rule rule(String country, String type) {
        String code = country == null ? "" : country.toUpperCase(Locale.ROOT);
        Rule specific = BY_COUNTRY.getOrDefault(code, Map.of()).get(type);
        return specific != null ? specific : DEFAULT.getOrDefault(type, new Rule(true, null));
    }
}

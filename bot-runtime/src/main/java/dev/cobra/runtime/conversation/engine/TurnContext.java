package dev.cobra.runtime.conversation.engine;

import dev.cobra.runtime.debtor.Debtor;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

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

    /**
     * The turn-independent template variables: {@code debtor.*}, {@code debt.*} (the primary debt) and
     * {@code today}. Flow texts and WhatsApp window-template parameters are rendered with them.
     */
    public Map<String, Object> templateVariables() {
        Map<String, Object> vars = new HashMap<>();
        Map<String, Object> debtorVars = new HashMap<>();
        Map<String, Object> debtVars = new HashMap<>();
        if (debtor != null) {
            debtorVars.put("id", debtor.id());
            debtorVars.put("name", debtor.name());
            debtorVars.put("firstName", debtor.firstName());
            debtorVars.put("locale", debtor.locale());
            debtorVars.put("country", debtor.country());
            debtor.primaryDebt().ifPresent(debt -> {
                debtVars.put("id", debt.id());
                debtVars.put("product", productWord(debt.product(), debtor.locale()));
                debtVars.put("balance", debt.balance());
                debtVars.put("currency", debt.currency());
                debtVars.put("dueDate", debt.dueDate());
                debtVars.put("daysPastDue", debt.daysPastDue(today));
            });
        }
        vars.put("debtor", debtorVars);
        vars.put("debt", debtVars);
        vars.put("today", today);
        return vars;
    }

    /**
     * The product as texts name it ("Tu {{debt.product}} tiene un saldo"): a debt imported without one reads as the
     * neutral "cuenta" / "account" rather than leaving a blank ("Tu  tiene un saldo").
     */
    static String productWord(String product, String locale) {
        if (product != null && !product.isBlank()) {
            return product.strip();
        }
        return locale != null && locale.toLowerCase(java.util.Locale.ROOT).startsWith("en") ? "account" : "cuenta";
    }
}

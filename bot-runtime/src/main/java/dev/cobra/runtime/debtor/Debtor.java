package dev.cobra.runtime.debtor;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A debtor of the portfolio. The identity-document digits are only ever held as a hash
 * ({@code documentHash}); they are never returned by any API.
 *
 * @param bsuids     WhatsApp business-scoped user ids linked to this debtor
 * @param optedOut   true once the debtor opted out; wins over any consent until a new opt-in
 * @param wrongParty true when a contact said the number is not the debtor's
 */
public record Debtor(String id, String name, String phone, String email, String locale, String timezone,
                     String country, String documentHash, Map<String, Consent> consent, List<Debt> debts,
                     Set<String> bsuids, boolean optedOut, boolean wrongParty) {

    public Debtor {
        consent = consent == null ? Map.of() : Map.copyOf(consent);
        debts = debts == null ? List.of() : List.copyOf(debts);
        bsuids = bsuids == null ? Set.of() : Set.copyOf(bsuids);
    }

    public String firstName() {
        if (name == null || name.isBlank()) {
            return "";
        }
        String trimmed = name.trim();
        for (int i = 0; i < trimmed.length(); i++) {
            if (" \t\n\u000B\f\r".indexOf(trimmed.charAt(i)) >= 0) { // the whitespace of the regex \\s
                return trimmed.substring(0, i);
            }
        }
        return trimmed;
    }

    public ZoneId zone() {
        try {
            return timezone == null ? ZoneId.of("UTC") : ZoneId.of(timezone);
        } catch (RuntimeException e) {
            return ZoneId.of("UTC");
        }
    }

    /**
     * The debt the conversation is about: the most overdue one that still owes something (balances are the amounts
     * outstanding when the debtor comes from the primary directory), else the most overdue one.
     */
    public Optional<Debt> primaryDebt() {
        // Loops rather than streams: rendering and actions ask for it several times per conversation turn.
        Debt withBalance = mostOverdue(debts, true);
        return Optional.ofNullable(withBalance != null ? withBalance : mostOverdue(debts, false));
    }

    /** The debt due first (the first listed on a tie), else the first one; only those with a balance when asked. */
    private static Debt mostOverdue(List<Debt> debts, boolean withBalanceOnly) {
        Debt first = null;
        Debt earliest = null;
        for (Debt d : debts) {
            if (withBalanceOnly && d.balance() != null && d.balance().signum() <= 0) {
                continue;
            }
            if (first == null) {
                first = d;
            }
            if (d.dueDate() != null && (earliest == null || d.dueDate().isBefore(earliest.dueDate()))) {
                earliest = d;
            }
        }
        return earliest != null ? earliest : first;
    }

    public long daysPastDue(LocalDate today) {
        return primaryDebt().map(d -> d.daysPastDue(today)).orElse(0L);
    }
}

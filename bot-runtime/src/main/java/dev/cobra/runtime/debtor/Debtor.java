package dev.cobra.runtime.debtor;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
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
        return name.trim().split("\\s+")[0];
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
        return mostOverdue(debts.stream().filter(d -> d.balance() == null || d.balance().signum() > 0).toList())
                .or(() -> mostOverdue(debts));
    }

    private static Optional<Debt> mostOverdue(List<Debt> candidates) {
        return candidates.stream().filter(d -> d.dueDate() != null).min(Comparator.comparing(Debt::dueDate))
                .or(() -> candidates.stream().findFirst());
    }

    public long daysPastDue(LocalDate today) {
        return primaryDebt().map(d -> d.daysPastDue(today)).orElse(0L);
    }
}

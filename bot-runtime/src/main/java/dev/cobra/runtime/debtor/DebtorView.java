package dev.cobra.runtime.debtor;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A debtor as the API shows it: the imported fields plus what the runtime learnt (opt-out, wrong party, linked
 * BSUIDs) and days past due computed for today in the debtor's time zone. The document digits are never
 * included, not even hashed; {@code documentOnFile} only says whether verification is possible.
 */
public record DebtorView(String id, String name, String phone, String email, String locale, String timezone,
                         String country, boolean documentOnFile, Map<String, Consent> consent, List<DebtView> debts,
                         Set<String> bsuids, boolean optedOut, boolean wrongParty, long daysPastDue) {

    public record DebtView(String id, String product, BigDecimal balance, String currency, LocalDate dueDate,
                           long daysPastDue) {
    }

    public static DebtorView of(Debtor d, LocalDate today) {
        List<DebtView> debts = d.debts().stream()
                .map(debt -> new DebtView(debt.id(), debt.product(), debt.balance(), debt.currency(), debt.dueDate(),
                        debt.daysPastDue(today)))
                .toList();
        return new DebtorView(d.id(), d.name(), d.phone(), d.email(), d.locale(), d.timezone(), d.country(),
                d.documentHash() != null, d.consent(), debts, d.bsuids(), d.optedOut(), d.wrongParty(),
                d.daysPastDue(today));
    }
}

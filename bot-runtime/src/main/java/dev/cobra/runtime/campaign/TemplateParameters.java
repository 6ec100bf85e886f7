package dev.cobra.runtime.campaign;

import dev.cobra.flow.template.LocaleFormats;
import dev.cobra.runtime.debtor.Debt;
import dev.cobra.runtime.debtor.Debtor;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The variables a campaign may map to its template's body parameters ({@code "template":{"parameters":[...]}}),
 * filled per debtor at send time. {@code debtor.*} and {@code today} are safe for anyone who may hold the phone;
 * {@code debt.*}, {@code account.*} and {@code creditor.*} are debt detail, which must not reach a recipient not yet
 * verified as the debtor — and a campaign's template always goes to an unverified phone — unless the debtor's
 * country allows it ({@code bot.campaigns.debt-detail-countries}). Amounts are what is outstanding now.
 */
final class TemplateParameters {

    /** WhatsApp body parameters a campaign may map; Meta's templates rarely use more than a handful. */
    static final int MAX = 10;
    static final Set<String> SAFE = Set.of("debtor.firstName", "debtor.name", "today");
    static final Set<String> DEBT_DETAIL = Set.of("debt.balance", "debt.outstanding", "debt.product", "debt.currency",
            "debt.dueDate", "debt.daysPastDue", "debt.id", "account.outstanding", "creditor.name");
    static final Set<String> KNOWN;

    static {
        Set<String> all = new TreeSet<>(SAFE);
        all.addAll(DEBT_DETAIL);
        KNOWN = java.util.Collections.unmodifiableSet(all);
    }

    private TemplateParameters() {
    }

    static boolean known(String path) {
        return KNOWN.contains(path);
    }

    static boolean debtDetail(String path) {
        return path.startsWith("debt.") || path.startsWith("account.") || path.startsWith("creditor.");
    }

    /** The parameter values for {@code debtor} (balances outstanding now), {@code count} of them ("-" when unmapped). */
    static List<String> values(Debtor debtor, List<String> paths, int count, String creditorName, LocalDate today) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String value = i < paths.size() ? value(debtor, paths.get(i), creditorName, today) : null;
            values.add(value == null || value.isBlank() ? "-" : value);
        }
        return values;
    }

    private static String value(Debtor debtor, String path, String creditorName, LocalDate today) {
        Debt debt = debtor.primaryDebt().orElse(null);
        String locale = debtor.locale() == null ? "es" : debtor.locale();
        return switch (path) {
            case "debtor.firstName" -> debtor.firstName();
            case "debtor.name" -> debtor.name();
            case "today" -> LocaleFormats.longDate(today, locale);
            case "creditor.name" -> creditorName;
            case "account.outstanding" -> total(debtor, locale);
            default -> debt == null ? null : switch (path) {
                case "debt.balance", "debt.outstanding" -> debt.balance() == null ? null
                        : LocaleFormats.money(debt.balance(), debt.currency(), locale);
                case "debt.product" -> debt.product();
                case "debt.currency" -> debt.currency();
                case "debt.dueDate" -> debt.dueDate() == null ? null : LocaleFormats.longDate(debt.dueDate(), locale);
                case "debt.daysPastDue" -> String.valueOf(Math.max(0, debt.daysPastDue(today)));
                case "debt.id" -> debt.id();
                default -> null;
            };
        };
    }

    /** The total outstanding when every debt is in one currency. */
    private static String total(Debtor debtor, String locale) {
        Set<String> currencies = new TreeSet<>();
        java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
        for (Debt d : debtor.debts()) {
            currencies.add(String.valueOf(d.currency()));
            if (d.balance() != null) {
                sum = sum.add(d.balance());
            }
        }
        return currencies.size() == 1 ? LocaleFormats.money(sum, debtor.debts().get(0).currency(), locale) : null;
    }
}

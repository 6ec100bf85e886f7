package dev.cobra.runtime.debtor;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Phone numbers in E.164, stored with the leading {@code +}; WhatsApp sends them without it. */
public final class PhoneNumbers {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s().-]");

    private PhoneNumbers() {
    }

    /** The E.164 form with {@code +}, from a number with or without it (spaces, dots, dashes ignored). */
    public static Optional<String> normalize(String phone) {
        if (phone == null) {
            return Optional.empty();
        }
        String compact = SEPARATORS.matcher(phone.trim()).replaceAll("");
        if (!compact.startsWith("+")) {
            compact = "+" + compact;
        }
        return E164.matcher(compact).matches() ? Optional.of(compact) : Optional.empty();
    }

    /**
     * The stored forms a number from WhatsApp may match. WhatsApp still reports Mexican mobiles with the old
     * mobile prefix {@code 521} (13 digits) while E.164 and most creditor systems write {@code 52} (12 digits);
     * both forms are tried, in both directions.
     */
    public static List<String> lookupCandidates(String phone) {
        return normalize(phone).map(normalized -> {
            if (normalized.startsWith("+521") && normalized.length() == 14) {
                return List.of(normalized, "+52" + normalized.substring(4));
            }
            if (normalized.startsWith("+52") && normalized.length() == 13) {
                return List.of(normalized, "+521" + normalized.substring(3));
            }
            return List.of(normalized);
        }).orElse(List.of());
    }

    /** For logs: country code and last two digits only, e.g. {@code +57******67}. */
    public static String mask(String phone) {
        if (phone == null || phone.length() < 6) {
            return "***";
        }
        return phone.substring(0, 3) + "*".repeat(phone.length() - 5) + phone.substring(phone.length() - 2);
    }
}

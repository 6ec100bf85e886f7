package dev.cobra.runtime.debtor;

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

    /** For logs: country code and last two digits only, e.g. {@code +57******67}. */
    public static String mask(String phone) {
        if (phone == null || phone.length() < 6) {
            return "***";
        }
        return phone.substring(0, 3) + "*".repeat(phone.length() - 5) + phone.substring(phone.length() - 2);
    }
}

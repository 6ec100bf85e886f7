package dev.cobra.runtime.debtor;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Phone numbers parsed and normalised with libphonenumber: stored in E.164 with the leading {@code +}; WhatsApp sends
 * them without it. A number must be possible for its country (right length for the numbering plan).
 */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final java.util.regex.Pattern OLD_MEXICAN_MOBILE = java.util.regex.Pattern.compile("521[0-9]{10}");

    private PhoneNumbers() {
    }

    /** The E.164 form with {@code +}, from an international number with or without it (any separators). */
    public static Optional<String> normalize(String phone) {
        return normalize(phone, null);
    }

    /**
     * The E.164 form with {@code +}. A number written without a country code ("300 123 4567", "55 1234 5678") is
     * read in {@code country} (ISO 3166 alpha-2) when given; otherwise digits without {@code +} are taken as
     * international, as WhatsApp writes them.
     */
    public static Optional<String> normalize(String phone, String country) {
        if (phone == null || phone.isBlank() || phone.length() > 40) {
            return Optional.empty();
        }
        String text = phone.trim();
        String digits = text.replaceAll("[^0-9]", "");
        if (OLD_MEXICAN_MOBILE.matcher(digits).matches() && (text.startsWith("+") || country == null
                || !"MX".equalsIgnoreCase(country.trim()))) {
            // WhatsApp still writes Mexican mobiles with the mobile "1" dropped from the plan in 2019.
            text = "+52" + digits.substring(3);
        }
        if (!text.startsWith("+") && country != null && !country.isBlank()) {
            Optional<String> national = parse(text, country.trim().toUpperCase(Locale.ROOT));
            if (national.isPresent()) {
                return national;
            }
        }
        return parse(text.startsWith("+") ? text : "+" + text, null);
    }

    private static Optional<String> parse(String text, String region) {
        try {
            PhoneNumber number = UTIL.parse(text, region);
            if (!UTIL.isPossibleNumber(number)) {
                return Optional.empty();
            }
            return Optional.of(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /**
     * The stored forms a number from WhatsApp may match. WhatsApp still reports Mexican mobiles with the old
     * mobile prefix {@code 521} (13 digits) while E.164 and most creditor systems write {@code 52} (12 digits):
     * the normalised form is tried first, then the old one (portfolios stored before normalisation dropped it).
     */
    public static List<String> lookupCandidates(String phone) {
        return normalize(phone).map(normalized -> {
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

package dev.cobra.flow.template;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Money and date formats for the supported locales (es-CO, es-MX, es-ES, es-AR, en-US). Written out by hand
 * rather than taken from the JDK's CLDR data so that the texts debtors see do not change with the JDK
 * version (CLDR switches spaces and symbols between releases). Any other Spanish locale falls back to the
 * es-MX style, any other locale to en-US.
 */
public final class LocaleFormats {

    /** How one locale writes amounts. */
    private record MoneyStyle(char grouping, char decimal, boolean symbolFirst, boolean spaceAfterSymbol,
                              String defaultCurrency) {
    }

    private static final Map<String, MoneyStyle> MONEY = Map.of(
            "es-CO", new MoneyStyle('.', ',', true, true, "COP"),
            "es-MX", new MoneyStyle(',', '.', true, false, "MXN"),
            "es-ES", new MoneyStyle('.', ',', false, true, "EUR"),
            "es-AR", new MoneyStyle('.', ',', true, true, "ARS"),
            "en-US", new MoneyStyle(',', '.', true, false, "USD"));

    private static final Map<String, String> SYMBOLS = Map.of(
            "COP", "$", "MXN", "$", "ARS", "$", "CLP", "$", "USD", "$", "EUR", "€", "PEN", "S/");

    /** Pesos of Colombia and Chile are written without cents in everyday use. */
    /** By pattern and locale tag: a handful of entries (the tags are the normalised ones above). */
    private static final Map<String, DateTimeFormatter> FORMATTERS = new ConcurrentHashMap<>();
    private static final Set<String> NO_CENTS = Set.of("COP", "CLP");

    private static final Map<String, String> LONG_DATE = Map.of(
            "es", "EEEE d 'de' MMMM 'de' yyyy",
            "en-US", "EEEE, MMMM d, yyyy");

    private static final Map<String, String> SHORT_DATE = Map.of(
            "es", "dd/MM/yyyy",
            "en-US", "MM/dd/yyyy");

    private LocaleFormats() {
    }

    /** The supported locale a tag maps to: itself when supported, else es-MX for Spanish, else en-US. */
    public static String normalize(String locale) {
        if (locale == null || locale.isBlank()) {
            return "es-MX";
        }
        String tag = locale.replace('_', '-');
        for (String known : MONEY.keySet()) {
            if (known.equalsIgnoreCase(tag)) {
                return known;
            }
        }
        return tag.toLowerCase(Locale.ROOT).startsWith("es") ? "es-MX" : "en-US";
    }

    /**
     * An amount with its currency symbol, e.g. {@code $ 1.250.000} (es-CO, COP) or {@code 1.250,00 €} (es-ES).
     * A currency without a known symbol, or a foreign dollar in en-US, is written with its ISO code.
     */
    public static String money(BigDecimal amount, String currency, String locale) {
        String tag = normalize(locale);
        MoneyStyle style = MONEY.get(tag);
        String code = currency == null || currency.isBlank() ? style.defaultCurrency() : currency.toUpperCase(Locale.ROOT);
        int digits = NO_CENTS.contains(code) ? 0 : fractionDigits(code);
        String number = grouped(amount.setScale(digits, RoundingMode.HALF_UP), style.grouping(), style.decimal());
        String symbol = SYMBOLS.get(code);
        boolean foreignDollar = "$".equals(symbol) && !code.equals(style.defaultCurrency()) && tag.equals("en-US");
        if (symbol == null || foreignDollar) {
            return code + " " + number;
        }
        if (!style.symbolFirst()) {
            return number + " " + symbol;
        }
        return symbol + (style.spaceAfterSymbol() ? " " : "") + number;
    }

    /** A date with weekday, e.g. {@code viernes 27 de noviembre de 2026} or {@code Friday, November 27, 2026}. */
    public static String longDate(LocalDate date, String locale) {
        return format(date, locale, LONG_DATE);
    }

    /** A numeric date, e.g. {@code 27/11/2026} or {@code 11/27/2026}. */
    public static String shortDate(LocalDate date, String locale) {
        return format(date, locale, SHORT_DATE);
    }

    /** A plain number with the locale's grouping, without currency. */
    public static String number(BigDecimal value, String locale) {
        MoneyStyle style = MONEY.get(normalize(locale));
        DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.ROOT);
        symbols.setGroupingSeparator(style.grouping());
        symbols.setDecimalSeparator(style.decimal());
        return new DecimalFormat("#,##0.##", symbols).format(value);
    }

    private static String format(LocalDate date, String locale, Map<String, String> patterns) {
        String tag = normalize(locale);
        boolean english = tag.equals("en-US");
        String pattern = english ? patterns.get("en-US") : patterns.get("es");
        // Formatters are immutable and thread-safe; parsing a pattern costs more than formatting a date with it.
        return FORMATTERS.computeIfAbsent(pattern + '|' + tag,
                key -> DateTimeFormatter.ofPattern(pattern, english ? Locale.US : Locale.forLanguageTag(tag))).format(date);
    }

    /**
     * The plain digits of {@code scaled} with thousands grouped and the decimal separator of the style: what
     * {@code new DecimalFormat("#,##0.00")} writes, without building a formatter per amount (DecimalFormat is not
     * thread-safe, and a reply formats a few amounts on every turn).
     */
    static String grouped(BigDecimal scaled, char grouping, char decimal) {
        String plain = scaled.abs().toPlainString();
        int point = plain.indexOf('.');
        String whole = point < 0 ? plain : plain.substring(0, point);
        StringBuilder out = new StringBuilder(plain.length() + whole.length() / 3 + 1);
        if (scaled.signum() < 0) {
            out.append('-');
        }
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                out.append(grouping);
            }
            out.append(whole.charAt(i));
        }
        if (point >= 0) {
            out.append(decimal).append(plain, point + 1, plain.length());
        }
        return out.toString();
    }

    private static int fractionDigits(String code) {
        try {
            return Math.max(0, Currency.getInstance(code).getDefaultFractionDigits());
        } catch (IllegalArgumentException e) {
            return 2;
        }
    }
}

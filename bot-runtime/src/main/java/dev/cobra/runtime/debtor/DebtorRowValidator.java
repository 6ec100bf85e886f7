package dev.cobra.runtime.debtor;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks one portfolio row (a debtor in the JSON shape of CONTRACTS.md; CSV rows are converted to it first) and
 * turns it into a {@link Debtor}. A row is validated completely before anything is written, and every problem
 * is reported, not only the first. Error texts name the field and never echo document digits.
 */
public final class DebtorRowValidator {

    static final int MAX_ID_LENGTH = 64;
    static final int MAX_NAME_LENGTH = 200;
    static final int MAX_TEXT_LENGTH = 200;
    static final int MAX_EMAIL_LENGTH = 254;
    /** A debtor with more debts than this is almost certainly a mapping error in the creditor's export. */
    static final int MAX_DEBTS = 50;
    static final int MAX_BSUIDS = 10;

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]+");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern LOCALE = Pattern.compile("([a-z]{2})(?:[-_]([A-Za-z]{2}))?");
    private static final Pattern DOCUMENT_LAST4 = Pattern.compile("[0-9]{4}");
    private static final Pattern CHANNEL = Pattern.compile("[a-z][a-z_]{1,19}");
    /** Business-scoped user id: country prefix, dot, opaque id (e.g. {@code CO.1502576394655843}). */
    private static final Pattern BSUID = Pattern.compile("[A-Z]{2}\\.[A-Za-z0-9_-]{1,64}");
    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Set<String> ISO_LANGUAGES = Set.of(Locale.getISOLanguages());

    private static final Set<String> DEBTOR_FIELDS = Set.of("id", "name", "phone", "email", "locale", "timezone",
            "country", "documentLast4", "consent", "debts", "bsuid", "bsuids");
    private static final Set<String> DEBT_FIELDS = Set.of("id", "product", "balance", "currency", "dueDate");
    private static final Set<String> CONSENT_FIELDS = Set.of("optedIn", "at", "source");

    /** The outcome for one row: either {@code debtor} (with {@code documentLast4} apart) or errors. */
    public record ValidatedRow(String id, Debtor debtor, String documentLast4, List<String> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    public ValidatedRow validate(JsonNode row) {
        List<String> errors = new ArrayList<>();
        if (row == null || !row.isObject()) {
            return new ValidatedRow(null, null, null, List.of("a debtor must be a JSON object"));
        }
        unknownFields(row, DEBTOR_FIELDS, "", errors);

        String id = text(row, "id", errors);
        if (id == null) {
            errors.add("id is required");
        } else if (id.length() > MAX_ID_LENGTH || !ID.matcher(id).matches()) {
            errors.add("id must be 1-" + MAX_ID_LENGTH + " characters: letters, digits, '.', '_', ':' or '-'");
        }
        String name = text(row, "name", errors);
        if (name == null) {
            errors.add("name is required");
        } else if (name.length() > MAX_NAME_LENGTH) {
            errors.add("name is longer than " + MAX_NAME_LENGTH + " characters");
        }

        String phone = null;
        String rawPhone = text(row, "phone", errors);
        if (rawPhone != null) {
            phone = PhoneNumbers.normalize(rawPhone, row.path("country").asText(null)).orElse(null);
            if (phone == null) {
                errors.add("phone must be in E.164 format, e.g. +573001234567");
            }
        }
        Set<String> bsuids = bsuids(row, errors);
        if (rawPhone == null && bsuids.isEmpty()) {
            errors.add("phone is required (or bsuid for a WhatsApp user known only by username)");
        }

        String email = text(row, "email", errors);
        if (email != null && (email.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(email).matches())) {
            errors.add("email is not a valid address");
        }
        String locale = locale(text(row, "locale", errors), errors);
        String timezone = text(row, "timezone", errors);
        if (timezone == null) {
            errors.add("timezone is required, e.g. America/Bogota");
        } else {
            try {
                ZoneId.of(timezone);
            } catch (DateTimeException e) {
                errors.add("timezone '" + clip(timezone) + "' is not a known time zone id, e.g. America/Bogota");
            }
        }
        String country = text(row, "country", errors);
        if (country == null) {
            errors.add("country is required (ISO 3166 two-letter code, e.g. CO)");
        } else {
            country = country.toUpperCase(Locale.ROOT);
            if (!ISO_COUNTRIES.contains(country)) {
                errors.add("country '" + clip(country) + "' is not an ISO 3166 two-letter code");
            }
        }
        String documentLast4 = text(row, "documentLast4", errors);
        if (documentLast4 != null && !DOCUMENT_LAST4.matcher(documentLast4).matches()) {
            errors.add("documentLast4 must be exactly 4 digits");  // never echo the value
        }
        Map<String, Consent> consent = consent(row.get("consent"), errors);
        List<Debt> debts = debts(row.get("debts"), errors);

        if (!errors.isEmpty()) {
            return new ValidatedRow(id, null, null, List.copyOf(errors));
        }
        Debtor debtor = new Debtor(id, name, phone, email, locale, timezone, country, null, consent, debts,
                bsuids, false, false);
        return new ValidatedRow(id, debtor, documentLast4, List.of());
    }

    private static String locale(String locale, List<String> errors) {
        if (locale == null) {
            errors.add("locale is required, e.g. es-CO");
            return null;
        }
        var matcher = LOCALE.matcher(locale);
        if (!matcher.matches() || !ISO_LANGUAGES.contains(matcher.group(1))
                || (matcher.group(2) != null && !ISO_COUNTRIES.contains(matcher.group(2).toUpperCase(Locale.ROOT)))) {
            errors.add("locale '" + clip(locale) + "' must be a language tag like es, es-CO or en-US");
            return null;
        }
        return matcher.group(2) == null ? matcher.group(1)
                : matcher.group(1) + "-" + matcher.group(2).toUpperCase(Locale.ROOT);
    }

    private static Set<String> bsuids(JsonNode row, List<String> errors) {
        Set<String> found = new LinkedHashSet<>();
        String single = text(row, "bsuid", errors);
        if (single != null) {
            found.add(single);
        }
        JsonNode many = row.get("bsuids");
        if (many != null && !many.isNull()) {
            if (!many.isArray()) {
                errors.add("bsuids must be an array of strings");
            } else {
                for (JsonNode item : many) {
                    if (!item.isTextual()) {
                        errors.add("bsuids must be an array of strings");
                        break;
                    }
                    found.add(item.asText().trim());
                }
            }
        }
        for (String bsuid : found) {
            if (!BSUID.matcher(bsuid).matches()) {
                errors.add("bsuid '" + clip(bsuid) + "' must look like CO.1502576394655843");
            }
        }
        if (found.size() > MAX_BSUIDS) {
            errors.add("at most " + MAX_BSUIDS + " bsuids per debtor");
        }
        return found;
    }

    private static Map<String, Consent> consent(JsonNode node, List<String> errors) {
        Map<String, Consent> consent = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return consent;
        }
        if (!node.isObject()) {
            errors.add("consent must be an object keyed by channel, e.g. {\"whatsapp\":{\"optedIn\":true}}");
            return consent;
        }
        Iterator<Map.Entry<String, JsonNode>> channels = node.fields();
        while (channels.hasNext()) {
            Map.Entry<String, JsonNode> entry = channels.next();
            String channel = entry.getKey();
            String where = "consent." + clip(channel);
            if (!CHANNEL.matcher(channel).matches()) {
                errors.add(where + ": channel names are lower-case words such as whatsapp, sms, email");
                continue;
            }
            JsonNode value = entry.getValue();
            if (!value.isObject()) {
                errors.add(where + " must be an object with optedIn, at, source");
                continue;
            }
            unknownFields(value, CONSENT_FIELDS, where + ".", errors);
            Boolean optedIn = bool(value.get("optedIn"));
            if (optedIn == null) {
                errors.add(where + ".optedIn must be true or false");
            }
            Instant at = null;
            String atText = text(value, "at", errors, where + ".");
            if (atText != null) {
                try {
                    at = Instant.parse(atText);
                } catch (DateTimeParseException e) {
                    errors.add(where + ".at must be an ISO-8601 instant, e.g. 2026-10-01T10:00:00Z");
                }
            }
            String source = text(value, "source", errors, where + ".");
            if (source != null && source.length() > MAX_TEXT_LENGTH) {
                errors.add(where + ".source is longer than " + MAX_TEXT_LENGTH + " characters");
            }
            consent.put(channel, new Consent(Boolean.TRUE.equals(optedIn), at, source));
        }
        return consent;
    }

    private static List<Debt> debts(JsonNode node, List<String> errors) {
        List<Debt> debts = new ArrayList<>();
        if (node == null || node.isNull() || (node.isArray() && node.isEmpty())) {
            errors.add("debts must list at least one debt");
            return debts;
        }
        if (!node.isArray()) {
            errors.add("debts must be an array");
            return debts;
        }
        if (node.size() > MAX_DEBTS) {
            errors.add("at most " + MAX_DEBTS + " debts per debtor");
            return debts;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode debt = node.get(i);
            String where = "debts[" + i + "].";
            if (!debt.isObject()) {
                errors.add(where.substring(0, where.length() - 1) + " must be an object");
                continue;
            }
            unknownFields(debt, DEBT_FIELDS, where, errors);
            String id = text(debt, "id", errors, where);
            if (id == null) {
                errors.add(where + "id is required");
            } else if (id.length() > MAX_ID_LENGTH || !ID.matcher(id).matches()) {
                errors.add(where + "id must be 1-" + MAX_ID_LENGTH
                        + " characters: letters, digits, '.', '_', ':' or '-'");
            } else if (!ids.add(id)) {
                errors.add(where + "id '" + id + "' appears twice");
            }
            String product = text(debt, "product", errors, where);
            if (product != null && product.length() > MAX_TEXT_LENGTH) {
                errors.add(where + "product is longer than " + MAX_TEXT_LENGTH + " characters");
            }
            BigDecimal balance = decimal(debt.get("balance"));
            if (balance == null) {
                errors.add(where + "balance must be a number");
            } else if (Amounts.problem(balance) != null) {
                errors.add(where + "balance " + Amounts.problem(balance));
            }
            String currency = text(debt, "currency", errors, where);
            if (currency == null) {
                errors.add(where + "currency is required (ISO 4217, e.g. COP)");
            } else {
                currency = currency.toUpperCase(Locale.ROOT);
                try {
                    Currency.getInstance(currency);
                } catch (IllegalArgumentException e) {
                    errors.add(where + "currency '" + clip(currency) + "' is not an ISO 4217 code");
                }
            }
            LocalDate dueDate = null;
            String due = text(debt, "dueDate", errors, where);
            if (due == null) {
                errors.add(where + "dueDate is required (yyyy-MM-dd)");
            } else {
                try {
                    dueDate = LocalDate.parse(due);
                } catch (DateTimeParseException e) {
                    errors.add(where + "dueDate '" + clip(due) + "' must be a date in yyyy-MM-dd format");
                }
            }
            debts.add(new Debt(id, product, balance, currency, dueDate));
        }
        return debts;
    }

    private static void unknownFields(JsonNode node, Set<String> known, String prefix, List<String> errors) {
        node.fieldNames().forEachRemaining(field -> {
            if (!known.contains(field)) {
                errors.add("unknown field '" + prefix + clip(field) + "'");
            }
        });
    }

    private static String text(JsonNode node, String field, List<String> errors) {
        return text(node, field, errors, "");
    }

    /** A trimmed string, or null when absent, null or blank; a non-string value is an error. */
    private static String text(JsonNode node, String field, List<String> errors, String prefix) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            errors.add(prefix + field + " must be a string");
            return null;
        }
        String text = value.asText().trim();
        return text.isEmpty() ? null : text;
    }

    private static Boolean bool(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (value.isTextual()) {
            return switch (value.asText().trim().toLowerCase(Locale.ROOT)) {
                case "true", "yes", "1", "si", "sí" -> true;
                case "false", "no", "0" -> false;
                default -> null;
            };
        }
        return null;
    }

    private static BigDecimal decimal(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (value.isTextual()) {
            try {
                return new BigDecimal(value.asText().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** Keeps echoed input short in error messages. */
    private static String clip(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}

package dev.cobra.flow.validate;

import java.util.Map;
import java.util.Set;

/**
 * The variables the engine supplies to templates and conditions (shared design: debtor, debt, slots,
 * verified, link, today). Any slot name is allowed because slots are written by the flow itself.
 */
final class KnownVariables {

    private static final Map<String, Set<String>> FIELDS = Map.of(
            "debtor", Set.of("id", "name", "firstName", "locale", "country"),
            "debt", Set.of("id", "product", "balance", "currency", "dueDate", "daysPastDue"),
            "verified", Set.of(),
            "link", Set.of(),
            "today", Set.of());

    private KnownVariables() {
    }

    /** Null when the dotted path is one the engine supplies, else a sentence saying what is wrong. */
    static String problemWith(String path) {
        String[] parts = path.split("\\.");
        String root = parts[0];
        if (root.equals("slots")) {
            return parts.length == 2 ? null : "'" + path + "' must name one slot, like slots.promiseDate";
        }
        Set<String> fields = FIELDS.get(root);
        if (fields == null) {
            return "'" + path + "' is not a known variable; use debtor, debt, slots, verified, link or today";
        }
        if (parts.length == 1) {
            return fields.isEmpty() ? null : "'" + path + "' needs a field, one of " + fields;
        }
        if (parts.length > 2 || !fields.contains(parts[1])) {
            return "'" + path + "' is not a known field of " + root
                    + (fields.isEmpty() ? " (it has no fields)" : "; known: " + fields);
        }
        return null;
    }
}

package dev.cobra.runtime.security;

import java.util.Arrays;
import java.util.Optional;

/** Staff roles (CONTRACTS.md, "Authentication"). Debtors are never staff users. */
public enum Role {
    ADMIN, SUPERVISOR, DESIGNER, AGENT;

    /** Case-insensitive lookup; empty for anything that is not a role. */
    public static Optional<Role> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.trim();
        return Arrays.stream(values()).filter(r -> r.name().equalsIgnoreCase(wanted)).findFirst();
    }

    /** The Spring Security authority for this role. */
    public String authority() {
        return "ROLE_" + name();
    }
}

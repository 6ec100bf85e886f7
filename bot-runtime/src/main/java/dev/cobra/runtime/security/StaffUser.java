package dev.cobra.runtime.security;

import java.time.Instant;
import java.util.Set;

/**
 * A staff user. {@code passwordHash} is a bcrypt hash and never leaves the server.
 */
public record StaffUser(String username, String passwordHash, Set<Role> roles, Instant createdAt) {

    public StaffUser {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }
}

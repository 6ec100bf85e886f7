package dev.cobra.runtime.security;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A staff user. {@code passwordHash} is a bcrypt hash and never leaves the server.
 *
 * @param name               the person's display name (optional)
 * @param queues             handoff queues an agent serves by default; empty means every queue
 * @param disabled           a disabled user cannot sign in (kept for the audit trail instead of deleted)
 * @param mustChangePassword set when an admin issued a one-time password; the console asks for a new one
 */
public record StaffUser(String username, String passwordHash, Set<Role> roles, Instant createdAt, String name,
                        List<String> queues, boolean disabled, boolean mustChangePassword) {

    public StaffUser {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        queues = queues == null ? List.of() : List.copyOf(queues);
    }

    public StaffUser(String username, String passwordHash, Set<Role> roles, Instant createdAt) {
        this(username, passwordHash, roles, createdAt, null, List.of(), false, false);
    }
}

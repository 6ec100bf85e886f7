package dev.cobra.runtime.security;

import java.util.List;
import java.util.Set;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Where staff users live (MongoDB collection {@code users}). */
public interface StaffUserStore {

    Mono<StaffUser> findByUsername(String username);

    /** All users, by username. */
    Flux<StaffUser> findAll();

    /** Inserts a new user; errors with {@link UsernameTakenException} when the username exists. */
    Mono<StaffUser> create(StaffUser user);

    Mono<Void> updatePasswordHash(String username, String passwordHash);

    /** Sets a new password hash and whether it is a one-time password; empty when the user does not exist. */
    Mono<StaffUser> setPassword(String username, String passwordHash, boolean mustChange);

    /**
     * Changes a user's profile: each non-null argument replaces the stored value. Empty when the user does not
     * exist.
     */
    Mono<StaffUser> update(String username, String name, Set<Role> roles, List<String> queues, Boolean disabled);

    class UsernameTakenException extends RuntimeException {
        public UsernameTakenException(String username) {
            super("username taken: " + username);
        }
    }
}

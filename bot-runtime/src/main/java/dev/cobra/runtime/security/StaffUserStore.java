package dev.cobra.runtime.security;

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

    class UsernameTakenException extends RuntimeException {
        public UsernameTakenException(String username) {
            super("username taken: " + username);
        }
    }
}

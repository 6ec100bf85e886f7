package dev.cobra.runtime.security;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Staff users in a map, for tests of the sign-in parts. */
final class InMemoryStaffUsers implements StaffUserStore {

    private final Map<String, StaffUser> users = new ConcurrentHashMap<>();

    InMemoryStaffUsers(StaffUser... initial) {
        for (StaffUser user : initial) {
            users.put(user.username(), user);
        }
    }

    @Override
    public Mono<StaffUser> findByUsername(String username) {
        return Mono.justOrEmpty(users.get(username));
    }

    @Override
    public Flux<StaffUser> findAll() {
        return Flux.fromIterable(users.values());
    }

    @Override
    public Mono<StaffUser> create(StaffUser user) {
        users.put(user.username(), user);
        return Mono.just(user);
    }

    @Override
    public Mono<Void> updatePasswordHash(String username, String passwordHash) {
        users.computeIfPresent(username, (name, user) -> new StaffUser(name, passwordHash, user.roles(), user.createdAt()));
        return Mono.empty();
    }
}

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
        return setPassword(username, passwordHash, false).then();
    }

    @Override
    public Mono<StaffUser> setPassword(String username, String passwordHash, boolean mustChange) {
        return Mono.justOrEmpty(users.computeIfPresent(username, (name, u) -> new StaffUser(name, passwordHash, u.roles(),
                u.createdAt(), u.name(), u.queues(), u.disabled(), mustChange)));
    }

    @Override
    public Mono<StaffUser> update(String username, String name, java.util.Set<Role> roles, java.util.List<String> queues,
                                  Boolean disabled) {
        return Mono.justOrEmpty(users.computeIfPresent(username, (key, u) -> new StaffUser(key, u.passwordHash(),
                roles == null ? u.roles() : roles, u.createdAt(), name == null ? u.name() : name,
                queues == null ? u.queues() : queues, disabled == null ? u.disabled() : disabled, u.mustChangePassword())));
    }
}

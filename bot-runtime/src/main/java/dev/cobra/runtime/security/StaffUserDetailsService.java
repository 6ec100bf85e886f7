package dev.cobra.runtime.security;

import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import reactor.core.publisher.Mono;

/** Adapts {@link StaffUserStore} to Spring Security. */
class StaffUserDetailsService implements ReactiveUserDetailsService {

    private final StaffUserStore store;

    StaffUserDetailsService(StaffUserStore store) {
        this.store = store;
    }

    @Override
    public Mono<UserDetails> findByUsername(String username) {
        return store.findByUsername(username).map(user -> User.withUsername(user.username())
                .password(user.passwordHash())
                .roles(user.roles().stream().map(Role::name).toArray(String[]::new))
                .disabled(user.disabled())
                .build());
    }
}

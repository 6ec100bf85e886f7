package dev.cobra.runtime.security;

import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import reactor.core.publisher.Mono;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Adapts {@link StaffUserStore} to Spring Security. An unknown username is answered with a stand-in user whose hash
 * is of a random password nobody knows: the password check then does the same bcrypt work as for a real user and
 * fails, so the answer time does not tell which usernames exist.
 */
class StaffUserDetailsService implements ReactiveUserDetailsService {

    private final StaffUserStore store;
    private final String unknownUserHash;

    StaffUserDetailsService(StaffUserStore store, PasswordEncoder encoder) {
        this.store = store;
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.unknownUserHash = encoder.encode(Base64.getEncoder().encodeToString(random));
    }

    @Override
    public Mono<UserDetails> findByUsername(String username) {
        return store.findByUsername(username).map(user -> User.withUsername(user.username())
                .password(user.passwordHash())
                .roles(user.roles().stream().map(Role::name).toArray(String[]::new))
                .disabled(user.disabled())
                .build())
                .switchIfEmpty(Mono.fromSupplier(() -> User.withUsername(username == null || username.isEmpty() ? "?" : username)
                        .password(unknownUserHash).authorities(java.util.List.of()).build()));
    }
}

package dev.cobra.runtime.security;

import dev.cobra.runtime.web.error.TooManyRequestsException;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UserDetailsRepositoryReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16, point 2, the parts below HTTP: per-client lockout across usernames, and the same bcrypt work for an
 * unknown username as for a known one (so the answer time reveals no usernames).
 */
class SignInThrottleTest {

    private final AtomicInteger checks = new AtomicInteger();

    /** Stands in for bcrypt: accepts only password "right". */
    private final ReactiveAuthenticationManager bcrypt = auth -> {
        checks.incrementAndGet();
        return "right".equals(auth.getCredentials())
                ? Mono.just(UsernamePasswordAuthenticationToken.authenticated(auth.getName(), null, AuthorityUtils.NO_AUTHORITIES))
                : Mono.error(new BadCredentialsException("bad"));
    };

    private Mono<Authentication> signIn(ReactiveAuthenticationManager manager, String user, String password, String client) {
        return manager.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(user, password))
                .contextWrite(context -> context.put(ClientAddress.KEY, client));
    }

    @Test
    void oneClientGuessingManyUsernamesIsLockedOutButOthersAreNot() {
        ThrottledAuthenticationManager manager = new ThrottledAuthenticationManager(bcrypt, new SignInFailureLogStub(),
                new SignInProperties(5, 20, Duration.ofMinutes(15), List.of()), Clock.systemUTC());
        for (int i = 0; i < 20; i++) {
            StepVerifier.create(signIn(manager, "user" + i, "guess", "203.0.113.9")).expectError(BadCredentialsException.class).verify();
        }
        StepVerifier.create(signIn(manager, "someone-else", "right", "203.0.113.9"))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(TooManyRequestsException.class)
                        .satisfies(limited -> assertThat(((TooManyRequestsException) limited).retryAfterSeconds()).isPositive()))
                .verify();
        assertThat(checks).as("no password is checked while locked").hasValue(20);
        StepVerifier.create(signIn(manager, "someone-else", "right", "198.51.100.7")).expectNextCount(1).verifyComplete();
    }

    @Test
    void anUnknownUsernameCostsTheSameBcryptCheckAsAKnownOne() {
        AtomicInteger compares = new AtomicInteger();
        PasswordEncoder real = new BCryptPasswordEncoder(4);
        PasswordEncoder counting = new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                return real.encode(raw);
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                compares.incrementAndGet();
                return real.matches(raw, encoded);
            }
        };
        StaffUserStore store = new InMemoryStaffUsers(new StaffUser("known", real.encode("right-password"), java.util.Set.of(Role.AGENT), java.time.Instant.now()));
        UserDetailsRepositoryReactiveAuthenticationManager manager =
                new UserDetailsRepositoryReactiveAuthenticationManager(new StaffUserDetailsService(store, counting));
        manager.setPasswordEncoder(counting);
        manager.setScheduler(Schedulers.immediate());

        StepVerifier.create(manager.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("known", "wrong")))
                .expectError(BadCredentialsException.class).verify();
        assertThat(compares).hasValue(1);
        StepVerifier.create(manager.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("nobody", "wrong")))
                .expectError(BadCredentialsException.class).verify();
        assertThat(compares).as("a bcrypt compare for the unknown user too").hasValue(2);
        StepVerifier.create(manager.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("known", "right-password")))
                .expectNextCount(1).verifyComplete();
    }

    /** Records nothing: the log itself is exercised over HTTP (SignInLockoutTest). */
    private static final class SignInFailureLogStub extends SignInFailureLog {
        SignInFailureLogStub() {
            super(null);
        }

        @Override
        public Mono<Void> record(String username, String client, java.time.Instant at) {
            return Mono.empty();
        }
    }
}

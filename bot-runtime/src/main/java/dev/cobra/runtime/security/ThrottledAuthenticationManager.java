package dev.cobra.runtime.security;

import dev.cobra.runtime.web.error.TooManyRequestsException;
import dev.cobra.runtime.web.limits.KeyedRateLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Backoff and temporary lockout of password guessing, per username and per client address: each failure takes a
 * token from both buckets ({@link KeyedRateLimiter}); while either is empty, sign-ins for that name or from that
 * address are refused with 429 and {@code Retry-After} before any password is checked, and tokens come back one by
 * one over {@link SignInProperties#signInWindow()}. A success clears its username's failures. Every failure is
 * logged (username, client, time; never the password) to {@link SignInFailureLog}.
 */
class ThrottledAuthenticationManager implements ReactiveAuthenticationManager {

    private static final Logger log = LoggerFactory.getLogger(ThrottledAuthenticationManager.class);

    private final ReactiveAuthenticationManager delegate;
    private final SignInFailureLog failures;
    private final Clock clock;
    private final KeyedRateLimiter perUser;
    private final KeyedRateLimiter perClient;

    ThrottledAuthenticationManager(ReactiveAuthenticationManager delegate, SignInFailureLog failures,
                                   SignInProperties properties, Clock clock) {
        this.delegate = delegate;
        this.failures = failures;
        this.clock = clock;
        this.perUser = new KeyedRateLimiter(properties.signInUserFailures(), properties.signInUserFailures(),
                properties.signInWindow());
        this.perClient = new KeyedRateLimiter(properties.signInClientFailures(), properties.signInClientFailures(),
                properties.signInWindow());
    }

    @Override
    public Mono<Authentication> authenticate(Authentication authentication) {
        String username = authentication.getName() == null ? "" : authentication.getName();
        String userKey = username.toLowerCase(Locale.ROOT);
        return Mono.deferContextual(context -> {
            String client = ClientAddress.from(context);
            Optional<Duration> blocked = longest(perUser.blockedFor(userKey), perClient.blockedFor(client));
            if (blocked.isPresent()) {
                log.info("signin.throttled client={} retryAfterMs={}", client, blocked.get().toMillis());
                return Mono.error(new TooManyRequestsException(
                        "Too many failed sign-ins; wait before trying again.", blocked.get()));
            }
            return delegate.authenticate(authentication)
                    .doOnNext(ok -> perUser.reset(userKey))
                    .onErrorResume(BadCredentialsException.class, wrong -> {
                        perUser.tryAcquire(userKey);
                        perClient.tryAcquire(client);
                        log.info("signin.failed client={}", client);
                        return failures.record(username, client, clock.instant())
                                .onErrorResume(e -> Mono.empty())
                                .then(Mono.error(wrong));
                    });
        });
    }

    private static Optional<Duration> longest(Optional<Duration> a, Optional<Duration> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isPresent() && b.get().compareTo(a.get()) > 0 ? b : a;
    }
}

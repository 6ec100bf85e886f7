package dev.cobra.runtime.security;

import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers successful HTTP Basic sign-ins for a short time. The web apps send Basic credentials with every
 * request, and a bcrypt check costs tens of milliseconds of CPU; re-checking the same credentials on every poll
 * would waste the small machines this runs on. Only successes are cached, keyed by a SHA-256 digest of
 * username and password (the password itself is never kept), and each entry expires after {@link #TTL}.
 */
class CachingAuthenticationManager implements ReactiveAuthenticationManager {

    /** How long a verified password is trusted without bcrypt; bounds the delay of a password change. */
    static final Duration TTL = Duration.ofMinutes(2);
    /** Bounds memory; the cache is simply emptied when full (staff counts are small). */
    static final int MAX_ENTRIES = 10_000;

    private final ReactiveAuthenticationManager delegate;
    private final Clock clock;
    private final Map<String, Entry> verified = new ConcurrentHashMap<>();

    CachingAuthenticationManager(ReactiveAuthenticationManager delegate, Clock clock) {
        this.delegate = delegate;
        this.clock = clock;
    }

    @Override
    public Mono<Authentication> authenticate(Authentication authentication) {
        if (!(authentication instanceof UsernamePasswordAuthenticationToken)
                || !(authentication.getCredentials() instanceof String password)) {
            return delegate.authenticate(authentication);
        }
        String key = digest(authentication.getName(), password);
        Entry hit = verified.get(key);
        long now = clock.millis();
        if (hit != null && hit.expiresAtMillis() > now) {
            return Mono.just(hit.authentication());
        }
        return delegate.authenticate(authentication).doOnNext(result -> {
            if (verified.size() >= MAX_ENTRIES) {
                verified.clear();
            }
            verified.put(key, new Entry(result, now + TTL.toMillis()));
        });
    }

    /** Forgets every cached sign-in of this user (after a password change). */
    void forget(String username) {
        verified.entrySet().removeIf(e -> e.getValue().authentication().getName().equals(username));
    }

    private static String digest(String username, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(username.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(password.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private record Entry(Authentication authentication, long expiresAtMillis) {
    }
}

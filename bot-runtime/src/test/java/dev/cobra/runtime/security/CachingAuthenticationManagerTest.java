package dev.cobra.runtime.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class CachingAuthenticationManagerTest {

    private final AtomicInteger bcryptChecks = new AtomicInteger();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T10:00:00Z"));

    /** Stands in for bcrypt: accepts only password "right". */
    private final ReactiveAuthenticationManager bcrypt = auth -> {
        bcryptChecks.incrementAndGet();
        if (!"right".equals(auth.getCredentials())) {
            return Mono.error(new BadCredentialsException("bad"));
        }
        return Mono.just(UsernamePasswordAuthenticationToken.authenticated(auth.getName(), null,
                AuthorityUtils.createAuthorityList("ROLE_AGENT")));
    };

    private final CachingAuthenticationManager manager = new CachingAuthenticationManager(bcrypt, clock);

    private static Authentication login(String user, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
    }

    @Test
    void aVerifiedPasswordIsNotCheckedAgainWithinTheTtl() {
        StepVerifier.create(manager.authenticate(login("ana", "right"))).expectNextCount(1).verifyComplete();
        StepVerifier.create(manager.authenticate(login("ana", "right")))
                .assertNext(auth -> assertThat(auth.getAuthorities()).extracting(Object::toString)
                        .containsExactly("ROLE_AGENT"))
                .verifyComplete();
        assertThat(bcryptChecks).hasValue(1);
    }

    @Test
    void aWrongPasswordIsNeverServedFromTheCache() {
        manager.authenticate(login("ana", "right")).block();
        StepVerifier.create(manager.authenticate(login("ana", "wrong"))).expectError(BadCredentialsException.class)
                .verify();
        StepVerifier.create(manager.authenticate(login("ana", "wrong"))).expectError(BadCredentialsException.class)
                .verify();
        assertThat(bcryptChecks).hasValue(3);
    }

    @Test
    void entriesExpireAndCanBeForgotten() {
        manager.authenticate(login("ana", "right")).block();
        clock.advance(CachingAuthenticationManager.TTL.plusSeconds(1));
        manager.authenticate(login("ana", "right")).block();
        assertThat(bcryptChecks).hasValue(2);
        manager.forget("ana");
        manager.authenticate(login("ana", "right")).block();
        assertThat(bcryptChecks).hasValue(3);
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

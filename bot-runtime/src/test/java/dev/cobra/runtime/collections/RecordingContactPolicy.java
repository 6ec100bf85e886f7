package dev.cobra.runtime.collections;

import dev.cobra.runtime.compliance.ContactAttempt;
import dev.cobra.runtime.compliance.ContactDecision;
import dev.cobra.runtime.compliance.ContactPolicy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A contact policy for tests of the senders: records every attempt and allows it unless told to block, so a test
 * checks that a sender asks before sending without depending on today's country rules.
 */
public class RecordingContactPolicy implements ContactPolicy {

    public final List<ContactAttempt> attempts = new CopyOnWriteArrayList<>();
    public volatile ContactDecision answer = ContactDecision.allow();

    @Override
    public Mono<ContactDecision> decide(String debtorId, String channel, java.time.Instant at) {
        return Mono.just(answer);
    }

    @Override
    public Mono<ContactDecision> attempt(ContactAttempt attempt) {
        attempts.add(attempt);
        return Mono.just(answer);
    }

    /** Puts it in front of the runtime's own policy. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        @Primary
        RecordingContactPolicy recordingContactPolicy() {
            return new RecordingContactPolicy();
        }
    }
}

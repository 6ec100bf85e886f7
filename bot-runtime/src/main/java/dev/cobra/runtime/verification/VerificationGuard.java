package dev.cobra.runtime.verification;

import dev.cobra.runtime.compliance.AuditRow;
import dev.cobra.runtime.compliance.ContactAuditTrail;
import dev.cobra.runtime.debtor.DebtorDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.time.Instant;

/**
 * The only way typed identity digits are compared with a debtor's document: a lock is checked first (while it runs
 * the digits are not compared at all, so guessing gains nothing), a mismatch is counted for the debtor whatever the
 * session, link or channel, and the failure that reaches {@link VerificationProperties#maxFailures()} within the
 * window locks verification for {@link VerificationProperties#lockout()} and writes an audit row. The caller (the
 * engine's verify step) tells the debtor how to get help, hands the chat to the verification queue once and emits
 * the creditor event. A success forgets the failures.
 */
public class VerificationGuard {

    static final String AUDIT_PURPOSE = "identity_verification";
    static final String AUDIT_REASON = "verification_locked";

    private static final Logger log = LoggerFactory.getLogger(VerificationGuard.class);

    private final DebtorDirectory debtors;
    private final VerificationFailureStore failures;
    private final ContactAuditTrail audit;
    private final VerificationProperties properties;

    public VerificationGuard(DebtorDirectory debtors, VerificationFailureStore failures, ContactAuditTrail audit,
                             VerificationProperties properties) {
        this.debtors = debtors;
        this.failures = failures;
        this.audit = audit;
        this.properties = properties;
    }

    public Mono<IdentityCheck> check(IdentityAttempt attempt) {
        Instant now = attempt.at();
        return failures.find(attempt.debtorId()).flatMap(record -> {
            if (record.lockedAt(now)) {
                log.info("verification.locked debtor={} conversation={} until={}", attempt.debtorId(),
                        attempt.conversationId(), record.lockedUntil());
                return Mono.just(IdentityCheck.locked(record.lockedUntil(), false));
            }
            return debtors.verifyDocument(attempt.debtorId(), attempt.digits()).defaultIfEmpty(false)
                    .flatMap(ok -> ok ? failures.forget(attempt.debtorId()).thenReturn(IdentityCheck.VERIFIED)
                            : mismatch(attempt));
        });
    }

    private Mono<IdentityCheck> mismatch(IdentityAttempt attempt) {
        Instant now = attempt.at();
        return failures.recordFailure(attempt.debtorId(), now).flatMap(record -> {
            long recent = record.failuresSince(now.minus(properties.window()));
            log.info("verification.failed debtor={} conversation={} channel={} recentFailures={}", attempt.debtorId(),
                    attempt.conversationId(), attempt.channel(), recent);
            if (recent < properties.maxFailures()) {
                return Mono.just(IdentityCheck.MISMATCH);
            }
            Instant until = now.plus(properties.lockout());
            return failures.lock(attempt.debtorId(), now, until).flatMap(won -> {
                if (!won) {
                    return failures.find(attempt.debtorId())
                            .map(current -> IdentityCheck.locked(current.lockedUntil() == null ? until : current.lockedUntil(), false));
                }
                log.warn("verification.lock debtor={} conversation={} channel={} failures={} until={}", attempt.debtorId(),
                        attempt.conversationId(), attempt.channel(), recent, until);
                AuditRow row = new AuditRow(null, now, attempt.debtorId(), attempt.channel(), AUDIT_PURPOSE,
                        attempt.conversationId(), null, null, null, "none", false, AUDIT_REASON, until);
                return audit.append(row).thenReturn(IdentityCheck.locked(until, true));
            });
        });
    }
}

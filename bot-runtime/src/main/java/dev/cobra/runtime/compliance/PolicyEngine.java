package dev.cobra.runtime.compliance;

import dev.cobra.runtime.account.DebtorStanding;
import dev.cobra.runtime.debtor.Consent;
import dev.cobra.runtime.debtor.Debtor;
import dev.cobra.runtime.debtor.DebtorDirectory;
import reactor.core.publisher.Mono;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

/**
 * The {@link ContactPolicy}: checks, in this order, that the debtor exists and is the right party, has not opted
 * out, still owes something and is not under a hold ({@link DebtorStanding}: {@code paid}, {@code hold:<type>}), has
 * opted in on the channel, that the debtor's local time is inside the country's contact hours on an allowed
 * non-holiday day, and that the frequency caps (per day, per week, one channel per week) leave room. Blocked
 * decisions carry the next time a retry can pass, or none when only a new opt-in would help.
 */
public class PolicyEngine implements ContactPolicy {

    private final DebtorDirectory debtors;
    private final CountryContactRules rules;
    private final ContactWindows windows;
    private final ContactAuditTrail audit;
    private final DebtorContactLocks locks;
    private final DebtorStanding standing;

    public PolicyEngine(DebtorDirectory debtors, CountryContactRules rules, ContactWindows windows,
                        ContactAuditTrail audit, DebtorContactLocks locks, DebtorStanding standing) {
        this.debtors = debtors;
        this.standing = java.util.Objects.requireNonNull(standing, "debtor standing");
        this.rules = rules;
        this.windows = windows;
        this.audit = audit;
        this.locks = locks;
    }

    /** A decision with what the audit trail records about it. */
    record Evaluation(ContactDecision decision, String country, ZonedDateTime local, String consentBasis) {
    }

    @Override
    public Mono<ContactDecision> decide(String debtorId, String channel, Instant at) {
        return evaluate(debtorId, channel, at).map(Evaluation::decision);
    }

    /** Decides and records under the debtor's lock, so two senders cannot both pass the same cap. */
    @Override
    public Mono<ContactDecision> attempt(ContactAttempt attempt) {
        return locks.withLock(String.valueOf(attempt.debtorId()), () -> decideAndRecord(attempt))
                .onErrorResume(DebtorContactLocks.Busy.class, busy -> Mono.just(
                        ContactDecision.block("policy_busy", attempt.at().plus(java.time.Duration.ofMinutes(1)))));
    }

    private Mono<ContactDecision> decideAndRecord(ContactAttempt attempt) {
        return evaluate(attempt.debtorId(), attempt.channel(), attempt.at())
                .flatMap(evaluation -> audit.append(new AuditRow(null, attempt.at(), attempt.debtorId(),
                                attempt.channel(), attempt.purpose(), attempt.sourceId(), attempt.template(),
                                evaluation.country(),
                                evaluation.local() == null ? null : evaluation.local().toString(),
                                evaluation.consentBasis(), evaluation.decision().allowed(),
                                evaluation.decision().reason(), evaluation.decision().nextAllowedAt()))
                        .thenReturn(evaluation.decision()));
    }

    Mono<Evaluation> evaluate(String debtorId, String channel, Instant at) {
        return debtors.findById(debtorId)
                .flatMap(debtor -> rules.forCountry(debtor.country())
                        .flatMap(policy -> evaluate(debtor, policy, channel, at)))
                .defaultIfEmpty(new Evaluation(ContactDecision.block("unknown_debtor", null), null, null, "none"));
    }

    private Mono<Evaluation> evaluate(Debtor debtor, CountryPolicy policy, String channel, Instant at) {
        ZonedDateTime local = at.atZone(zoneOf(debtor, policy));
        Consent consent = debtor.consent().get(channel);
        String basis = consent == null ? "none"
                : (consent.optedIn() ? "opt-in" : "withdrawn") + " " + channel
                + (consent.at() == null ? "" : " at " + consent.at()) + (consent.source() == null ? "" : " via " + consent.source());
        String country = policy.country();
        if (debtor.wrongParty()) {
            return Mono.just(new Evaluation(ContactDecision.block("wrong_party", null), country, local, basis));
        }
        if (debtor.optedOut() || (consent != null && !consent.optedIn() && consent.source() != null
                && consent.source().startsWith("debtor-opt-out"))) {
            return Mono.just(new Evaluation(ContactDecision.block("opted_out", null), country, local, basis));
        }
        return standing.lastingBlock(debtor, at).flatMap(block -> block.isPresent()
                ? Mono.just(new Evaluation(ContactDecision.block(block.get(), null), country, local, basis))
                : evaluateContact(debtor, policy, channel, consent, country, local, basis));
    }

    private Mono<Evaluation> evaluateContact(Debtor debtor, CountryPolicy policy, String channel, Consent consent,
                                             String country, ZonedDateTime local, String basis) {
        if (consent == null || !consent.optedIn()) {
            return Mono.just(new Evaluation(ContactDecision.block("no_consent", null), country, local, basis));
        }
        String closed = windows.closedReason(policy, local);
        if (closed != null) {
            return Mono.just(new Evaluation(ContactDecision.block(closed, windows.nextOpening(policy, local)), country,
                    local, basis));
        }
        return caps(debtor.id(), policy, channel, local)
                .map(decision -> new Evaluation(decision, country, local, basis));
    }

    private Mono<ContactDecision> caps(String debtorId, CountryPolicy policy, String channel, ZonedDateTime local) {
        ZoneId zone = local.getZone();
        LocalDate weekStart = local.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        ZonedDateTime weekFrom = weekStart.atStartOfDay(zone);
        ZonedDateTime nextWeek = weekStart.plusWeeks(1).atStartOfDay(zone);
        ZonedDateTime dayFrom = local.toLocalDate().atStartOfDay(zone);
        ZonedDateTime nextDay = local.toLocalDate().plusDays(1).atStartOfDay(zone);
        return audit.allowedBetween(debtorId, weekFrom.toInstant(), nextWeek.toInstant()).collectList()
                .map(week -> {
                    if (policy.oneChannelPerWeek() && week.stream().anyMatch(row -> !channel.equals(row.channel()))) {
                        return ContactDecision.block("frequency_cap", windows.nextOpening(policy, nextWeek));
                    }
                    if (policy.maxPerWeek() > 0 && week.size() >= policy.maxPerWeek()) {
                        return ContactDecision.block("frequency_cap", windows.nextOpening(policy, nextWeek));
                    }
                    if (policy.maxPerDay() > 0 && countSince(week, dayFrom, nextDay) >= policy.maxPerDay()) {
                        return ContactDecision.block("frequency_cap", windows.nextOpening(policy, nextDay));
                    }
                    return ContactDecision.allow();
                });
    }

    private static long countSince(List<AuditRow> rows, ZonedDateTime from, ZonedDateTime to) {
        return rows.stream().filter(row -> !row.at().isBefore(from.toInstant()) && row.at().isBefore(to.toInstant()))
                .count();
    }

    /** The debtor's own zone; the country's usual zone when the portfolio did not give one. */
    static ZoneId zoneOf(Debtor debtor, CountryPolicy policy) {
        if (debtor.timezone() != null && !debtor.timezone().isBlank()) {
            return debtor.zone();
        }
        try {
            return ZoneId.of(policy.zone());
        } catch (RuntimeException e) {
            return ZoneId.of("UTC");
        }
    }
}

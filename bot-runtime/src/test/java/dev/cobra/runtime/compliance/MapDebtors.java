package dev.cobra.runtime.compliance;

import dev.cobra.runtime.debtor.Consent;
import dev.cobra.runtime.debtor.Debtor;
import dev.cobra.runtime.debtor.DebtorDirectory;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A portfolio in a map, for policy tests that need no database for debtors. */
final class MapDebtors implements DebtorDirectory {

    final Map<String, Debtor> byId = new ConcurrentHashMap<>();

    Debtor add(String id, String country, String timezone, Map<String, Consent> consent, boolean optedOut) {
        Debtor debtor = new Debtor(id, "Test " + id, "+57300" + Math.abs(id.hashCode() % 10_000_000), null, "es",
                timezone, country, null, consent, List.of(), Set.of(), optedOut, false);
        byId.put(id, debtor);
        return debtor;
    }

    static Map<String, Consent> optIn(String... channels) {
        Map<String, Consent> consent = new java.util.HashMap<>();
        for (String channel : channels) {
            consent.put(channel, new Consent(true, Instant.parse("2026-01-02T10:00:00Z"), "web-form"));
        }
        return consent;
    }

    @Override
    public Mono<Debtor> findById(String debtorId) {
        return Mono.justOrEmpty(byId.get(debtorId));
    }

    @Override
    public Mono<Debtor> findByPhone(String phone) {
        return Mono.empty();
    }

    @Override
    public Mono<Debtor> findByBsuid(String bsuid) {
        return Mono.empty();
    }

    @Override
    public Mono<Void> linkBsuid(String debtorId, String bsuid) {
        return Mono.empty();
    }

    @Override
    public Mono<Boolean> verifyDocument(String debtorId, String digits) {
        return Mono.just(false);
    }

    @Override
    public Mono<Void> optOut(String debtorId, String channel, Instant at) {
        Debtor d = byId.get(debtorId);
        if (d != null) {
            byId.put(debtorId, new Debtor(d.id(), d.name(), d.phone(), d.email(), d.locale(), d.timezone(), d.country(),
                    d.documentHash(), Map.of(), d.debts(), d.bsuids(), true, d.wrongParty()));
        }
        return Mono.empty();
    }

    @Override
    public Mono<Void> flagWrongParty(String debtorId, Instant at) {
        return Mono.empty();
    }
}

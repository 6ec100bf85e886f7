package dev.cobra.runtime.debtor;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.List;

/** The portfolio's maintenance side: upserts, paging, consent records, counts and what erasure needs. */
public interface DebtorStore {

    /**
     * Creates or replaces the creditor-owned fields of one debtor in a single atomic write. Fields the runtime
     * owns (opt-out, wrong-party flag, linked BSUIDs) are kept; given BSUIDs are added. When
     * {@code debtor.documentHash()} is null the stored hash is kept.
     */
    Mono<UpsertOutcome> upsert(Debtor debtor);

    /** A page of the portfolio ordered by id: up to {@code limit} debtors with an id after {@code afterId}. */
    Flux<Debtor> page(String afterId, int limit);

    /** Up to {@code limit} debtors whose id, name or email contains {@code text} (any case), or whose phone
     * contains its digits (four or more), in id order. */
    Flux<Debtor> search(String text, int limit);

    /** How many debtors the portfolio holds. */
    Mono<Long> count();

    /** Records an opt-in for {@code channel} (clearing an earlier global opt-out); empty when no such debtor. */
    Mono<Void> recordOptIn(String debtorId, String channel, Instant at, String source, String evidence);

    /** What identifies a debtor in other records: erasure replaces these. Empty when no such debtor. */
    Mono<Identity> identity(String debtorId);

    /** The stored name, contact data, linked WhatsApp ids and document hash (never the digits). */
    record Identity(String id, String name, String phone, String email, List<String> bsuids, String documentHash) {
    }

    enum UpsertOutcome { CREATED, UPDATED }
}

package dev.cobra.runtime.debtor;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The import side of the portfolio: upserts and paging through it. */
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

    enum UpsertOutcome { CREATED, UPDATED }
}

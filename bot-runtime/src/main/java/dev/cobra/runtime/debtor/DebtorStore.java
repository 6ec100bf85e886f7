package dev.cobra.runtime.debtor;

import reactor.core.publisher.Mono;

/** The write side of the portfolio, used by the import. */
public interface DebtorStore {

    /**
     * Creates or replaces the creditor-owned fields of one debtor in a single atomic write. Fields the runtime
     * owns (opt-out, wrong-party flag, linked BSUIDs) are kept; given BSUIDs are added. When
     * {@code debtor.documentHash()} is null the stored hash is kept.
     */
    Mono<UpsertOutcome> upsert(Debtor debtor);

    enum UpsertOutcome { CREATED, UPDATED }
}

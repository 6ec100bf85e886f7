package dev.cobra.runtime.debtor;

import reactor.core.publisher.Mono;

import java.time.Instant;

/**
 * What the conversation runtime and the channels need from the portfolio. Every method is a single-document
 * atomic operation.
 */
public interface DebtorDirectory {

    /**
     * The bean name of the portfolio as imported (balances as the creditor sent them). The primary
     * {@code DebtorDirectory} everyone else gets states each debt's balance as the amount outstanding now.
     */
    String PORTFOLIO = "portfolio";

    Mono<Debtor> findById(String debtorId);

    /** A phone in E.164, with or without the leading {@code +}. */
    Mono<Debtor> findByPhone(String phone);

    Mono<Debtor> findByBsuid(String bsuid);

    Mono<Void> linkBsuid(String debtorId, String bsuid);

    /** True when {@code digits} match the stored document hash. Never logs the digits. */
    Mono<Boolean> verifyDocument(String debtorId, String digits);

    /** Opt-out on every channel, effective at once. */
    Mono<Void> optOut(String debtorId, String channel, Instant at);

    Mono<Void> flagWrongParty(String debtorId, Instant at);
}

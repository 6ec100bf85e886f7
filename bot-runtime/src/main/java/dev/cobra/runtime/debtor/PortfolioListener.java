package dev.cobra.runtime.debtor;

import reactor.core.publisher.Mono;

import java.time.Instant;

/** Told about every debtor an import created or updated (e.g. the debt accounts take the new balances). */
public interface PortfolioListener {

    Mono<Void> imported(Debtor debtor, Instant at);
}

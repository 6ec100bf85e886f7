package dev.cobra.runtime.account;

import dev.cobra.runtime.debtor.Debtor;
import dev.cobra.runtime.debtor.DebtorDirectory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Instant;

/**
 * The portfolio as the conversations, channels, contact policy and agent console read it: each debt's balance is
 * the amount outstanding now ({@link DebtAccounts}), so the bot, payment links, reminders and the agent state what
 * is really owed. The portfolio as imported stays available as the {@link DebtorDirectory#PORTFOLIO} bean.
 */
@Primary
@Component
public class AccountedDebtorDirectory implements DebtorDirectory {

    private final DebtorDirectory portfolio;
    private final DebtAccounts accounts;

    public AccountedDebtorDirectory(@Qualifier(PORTFOLIO) DebtorDirectory portfolio, DebtAccounts accounts) {
        this.portfolio = portfolio;
        this.accounts = accounts;
    }

    @Override
    public Mono<Debtor> findById(String debtorId) {
        return portfolio.findById(debtorId).flatMap(accounts::withOutstanding);
    }

    @Override
    public Mono<Debtor> findByPhone(String phone) {
        return portfolio.findByPhone(phone).flatMap(accounts::withOutstanding);
    }

    @Override
    public Mono<Debtor> findByBsuid(String bsuid) {
        return portfolio.findByBsuid(bsuid).flatMap(accounts::withOutstanding);
    }

    @Override
    public Mono<Void> linkBsuid(String debtorId, String bsuid) {
        return portfolio.linkBsuid(debtorId, bsuid);
    }

    @Override
    public Mono<Boolean> verifyDocument(String debtorId, String digits) {
        return portfolio.verifyDocument(debtorId, digits);
    }

    @Override
    public Mono<Void> optOut(String debtorId, String channel, Instant at) {
        return portfolio.optOut(debtorId, channel, at);
    }

    @Override
    public Mono<Void> flagWrongParty(String debtorId, Instant at) {
        return portfolio.flagWrongParty(debtorId, at);
    }
}

package dev.cobra.runtime.account;

import dev.cobra.runtime.debtor.Debtor;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Whether a debtor's account ends or pauses collection: {@code paid} when no debt has anything outstanding (checked
 * first: a paid debt's collection is over whatever else is pending), {@code hold:<type>} while a hold that applies in the debtor's country is in force. The contact policy and the
 * campaigns ask it; both are lasting reasons, checked before contact hours and caps.
 */
@Component
public class DebtorStanding {

    /** The order several holds are reported in: the one that needs a person most first. */
    private static final List<String> HOLD_ORDER = List.of(Hold.DISPUTE, Hold.COMPLAINT, Hold.HARDSHIP, Hold.PAYMENT_REVIEW);

    private final HoldStore holds;

    public DebtorStanding(HoldStore holds) {
        this.holds = holds;
    }

    /**
     * The lasting reason collection is off for {@code debtor} (as the primary directory gives it: balances are the
     * amounts outstanding), or empty when it may go on.
     */
    public Mono<Optional<String>> lastingBlock(Debtor debtor, Instant at) {
        if (paid(debtor)) {
            return Mono.just(Optional.of("paid"));
        }
        return holds.active(debtor.id(), at).map(active -> {
            Optional<Hold> hold = active.stream()
                    .filter(h -> HoldRules.rule(debtor.country(), h.type()).applies())
                    .min(Comparator.comparingInt(h -> HOLD_ORDER.indexOf(h.type())));
            return hold.map(h -> "hold:" + h.type());
        });
    }

    /** True when the debtor has debts and nothing is outstanding on any of them. */
    public static boolean paid(Debtor debtor) {
        return !debtor.debts().isEmpty() && debtor.debts().stream()
                .allMatch(d -> d.balance() != null && d.balance().signum() <= 0);
    }
}

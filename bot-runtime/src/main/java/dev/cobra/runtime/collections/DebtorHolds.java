package dev.cobra.runtime.collections;

import dev.cobra.runtime.account.Hold;
import dev.cobra.runtime.account.HoldRules;
import dev.cobra.runtime.account.HoldStore;
import dev.cobra.runtime.debtor.DebtorDirectory;
import dev.cobra.runtime.webhook.WebhookOutbox;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Places and lifts holds. The bot places one when a debtor disputes the debt, complains, says they already paid or
 * reports hardship, for as long as the debtor's country rules say ({@link HoldRules}); staff place them by hand and
 * supervisors lift them with a note. Every change is kept in the hold history and told to the creditor
 * ({@code hold_placed}, {@code hold_lifted}).
 */
@Component
public class DebtorHolds {

    private static final Logger log = LoggerFactory.getLogger(DebtorHolds.class);

    private final HoldStore holds;
    private final DebtorDirectory debtors;
    private final WebhookOutbox events;

    public DebtorHolds(HoldStore holds, DebtorDirectory debtors, WebhookOutbox events) {
        this.holds = holds;
        this.debtors = debtors;
        this.events = events;
    }

    /**
     * A hold the conversation called for, lasting as the debtor's country rules say; nothing when the country's
     * rules do not apply the type. The hold already in force of that type is kept.
     */
    public Mono<Hold> placeByBot(String debtorId, String type, String debtId, String reason, Instant at) {
        if (debtorId == null) {
            return Mono.empty();
        }
        return debtors.findById(debtorId).flatMap(debtor -> {
            HoldRules.Rule rule = HoldRules.rule(debtor.country(), type);
            if (!rule.applies()) {
                return Mono.empty();
            }
            return place(debtorId, new Hold(type, debtId, reason, at, rule.until(at), "bot"), at);
        });
    }

    /** Places {@code hold} (the one in force of its type is kept and returned). */
    public Mono<Hold> place(String debtorId, Hold hold, Instant at) {
        return holds.place(debtorId, hold, at).flatMap(placed -> {
            if (placed != hold) {
                return Mono.just(placed);
            }
            log.info("hold.placed debtorId={} type={} by={}", debtorId, hold.type(), hold.by());
            return events.append(new ObjectId(), "hold_placed", null, debtorId, data(hold, null), at).thenReturn(placed);
        });
    }

    /** Lifts the hold of {@code type}; empty when none is in force. */
    public Mono<Hold.Lifted> lift(String debtorId, String type, String by, String note, Instant at) {
        return holds.lift(debtorId, type, by, note, at).flatMap(lifted -> {
            log.info("hold.lifted debtorId={} type={} by={}", debtorId, type, by);
            return events.append(new ObjectId(), "hold_lifted", null, debtorId, data(lifted.hold(), lifted), at)
                    .thenReturn(lifted);
        });
    }

    private static Map<String, Object> data(Hold hold, Hold.Lifted lifted) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("type", hold.type());
        data.put("debtId", hold.debtId());
        data.put("since", hold.since() == null ? null : hold.since().toString());
        data.put("until", hold.until() == null ? null : hold.until().toString());
        data.put("by", hold.by());
        if (lifted != null) {
            data.put("liftedBy", lifted.liftedBy());
            data.put("liftedAt", lifted.liftedAt().toString());
        }
        return data;
    }
}

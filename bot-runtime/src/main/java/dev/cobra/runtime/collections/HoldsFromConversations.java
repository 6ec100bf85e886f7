package dev.cobra.runtime.collections;

import dev.cobra.runtime.account.Hold;
import dev.cobra.runtime.conversation.message.Reply;
import dev.cobra.runtime.conversation.TurnObserver;
import dev.cobra.runtime.conversation.engine.TurnContext;
import dev.cobra.runtime.conversation.state.ConversationState;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A conversation that ends in a dispute, a complaint, an "already paid" claim or hardship — by the flow's
 * disposition or by a handoff for one of those reasons (a complaint is honoured in any step) — places the matching
 * hold, so business-initiated contact stops as the bot told the debtor. The flows' own events place the same holds
 * ({@link OperationsCollectionActions#emitEvent}); a hold in force is never placed twice.
 */
@Component
@Order(0)
public class HoldsFromConversations implements TurnObserver {

    static final Map<String, String> BY_DISPOSITION = Map.of(
            "DISPUTE", Hold.DISPUTE,
            "COMPLAINT", Hold.COMPLAINT,
            "ALREADY_PAID_CLAIMED", Hold.PAYMENT_REVIEW,
            "HARDSHIP", Hold.HARDSHIP);
    static final Map<String, String> BY_HANDOFF_REASON = Map.of(
            "complaint", Hold.COMPLAINT,
            "financial_hardship", Hold.HARDSHIP,
            "dispute_debt", Hold.DISPUTE,
            "dispute", Hold.DISPUTE);

    private final DebtorHolds holds;

    public HoldsFromConversations(DebtorHolds holds) {
        this.holds = holds;
    }

    @Override
    public Mono<List<Reply>> after(Snapshot before, ConversationState state, TurnContext context) {
        if (state.debtorId() == null) {
            return Mono.just(List.of());
        }
        String type = null;
        if (state.disposition() != null && !Objects.equals(state.disposition(), before.disposition())) {
            type = BY_DISPOSITION.get(state.disposition());
        }
        if (type == null && state.handoff() != null && !Objects.equals(state.handoff(), before.handoff())) {
            type = BY_HANDOFF_REASON.get(state.handoff().reason());
        }
        if (type == null) {
            return Mono.just(List.of());
        }
        return holds.placeByBot(state.debtorId(), type, null, "Said in conversation " + state.id(), context.now())
                .thenReturn(List.<Reply>of())
                .defaultIfEmpty(List.of());
    }
}

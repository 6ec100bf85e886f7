package dev.cobra.runtime.handoff;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cobra.runtime.conversation.state.Handoff;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What the agent console shows next to a chat ({@code GET /api/agent/conversations/{id}/context}): the
 * conversation, why the bot handed it off and what the NLU saw, the debtor and their debts, the promises and
 * plan requests already recorded, whether the debtor may be contacted now, and the debtor's account as
 * {@code GET /api/debtors/{id}/account} shows it (outstanding amounts, active holds, plans with their installments).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConversationContext(Conversation conversation, HandoffInfo handoff, DebtorInfo debtor,
                                  List<PromiseInfo> promises, List<PlanInfo> plans, ContactNow contactNow,
                                  List<StepInfo> steps, Map<String, Object> account) {

    /** The conversation's state; {@code windowOpen} is WhatsApp's 24 h window (always true on webchat). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Conversation(String id, String channel, String status, String agent, String locale,
                               boolean verified, boolean optedOut, String flowId, String step, boolean windowOpen,
                               Instant lastInboundAt) {
    }

    /** @param understanding the NLU's answer on the handoff turn, or null when that turn classified nothing */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HandoffInfo(String queue, String reason, Instant at, Handoff.Understanding understanding) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DebtorInfo(String id, String name, String firstName, String locale, String country, String timezone,
                             boolean optedOut, boolean wrongParty, Map<String, ConsentInfo> consent,
                             List<DebtInfo> debts, BigDecimal totalBalance, String currency, long daysPastDue) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ConsentInfo(boolean optedIn, Instant at, String source) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DebtInfo(String id, String product, BigDecimal balance, String currency, LocalDate dueDate,
                           long daysPastDue) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PromiseInfo(String date, String amount, String currency, String status, String conversationId,
                              Instant createdAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PlanInfo(Integer installments, String amount, String currency, String status, String conversationId,
                           Instant createdAt) {
    }

    /**
     * "Can we contact this debtor now?" from the contact policy, for a business-initiated message on
     * {@code channel} (WhatsApp: replies inside the chat the debtor started never need it).
     *
     * @param known false when no contact policy is installed (or it failed): the console shows "unknown"
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ContactNow(String channel, boolean known, Boolean allowed, String reason, Instant nextAllowedAt) {

        static ContactNow unknown(String channel) {
            return new ContactNow(channel, false, null, "unknown", null);
        }
    }

    /** A step of the conversation's current flow the agent may hand the chat back to. */
    public record StepInfo(String id, String type) {
    }
}

package dev.cobra.runtime.conversation;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cobra.runtime.conversation.state.ConversationState;

import java.util.Map;

/** {@code GET /api/conversations/{id}} (CONTRACTS.md, Conversations), plus {@code locale}: the language the bot speaks now. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ConversationView(String id, String channel, String debtorId, String status, String flowId,
                               int flowVersion, String step, Map<String, Object> slots, boolean verified,
                               boolean optedOut, HandoffView handoff, String disposition, String locale) {

    public record HandoffView(String queue, String reason) {
    }

    public static ConversationView of(ConversationState s) {
        return new ConversationView(s.id(), s.channel(), s.debtorId(), s.status().name(), s.flowId(), s.flowVersion(),
                s.step(), s.slots(), s.verified(), s.optedOut(),
                s.handoff() == null ? null : new HandoffView(s.handoff().queue(), s.handoff().reason()), s.disposition(),
                s.locale());
    }
}

package dev.cobra.runtime.campaign;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cobra.runtime.channel.whatsapp.GraphMessages;
import dev.cobra.runtime.channel.whatsapp.WhatsAppOutbox;
import dev.cobra.runtime.debtor.Debt;
import dev.cobra.runtime.debtor.Debtor;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a campaign's template message for one debtor as an outbox document. Body parameters, in order, as many as
 * the registered template has: {@code {{1}}} first name, {@code {{2}}} balance with currency, {@code {{3}}} due date.
 */
final class TemplateMessages {

    private final GraphMessages graph;

    TemplateMessages(GraphMessages graph) {
        this.graph = graph;
    }

    /** The WhatsApp address: the phone, else a linked BSUID; null when the debtor has neither. */
    static String address(Debtor debtor) {
        if (debtor.phone() != null && !debtor.phone().isBlank()) {
            return debtor.phone();
        }
        return debtor.bsuids().stream().sorted().findFirst().orElse(null);
    }

    Document outboxMessage(Debtor debtor, String address, Campaign campaign, int parameterCount, Instant now) {
        ObjectNode body = graph.template(address, campaign.templateName(), campaign.templateLanguage(),
                parameters(debtor, parameterCount));
        String to = body.hasNonNull("to") ? body.get("to").asText() : body.path("recipient").asText();
        return WhatsAppOutbox.newMessage(to, null, debtor.id(), "template", body.toString(), now)
                .append("campaignId", campaign.id());
    }

    static List<String> parameters(Debtor debtor, int count) {
        List<String> all = new ArrayList<>();
        all.add(debtor.firstName().isEmpty() ? "-" : debtor.firstName());
        Debt debt = debtor.primaryDebt().orElse(null);
        all.add(debt == null || debt.balance() == null ? "-"
                : debt.balance().toPlainString() + (debt.currency() == null ? "" : " " + debt.currency()));
        all.add(debt == null || debt.dueDate() == null ? "-" : debt.dueDate().toString());
        List<String> chosen = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            chosen.add(i < all.size() ? all.get(i) : "-");
        }
        return chosen;
    }
}

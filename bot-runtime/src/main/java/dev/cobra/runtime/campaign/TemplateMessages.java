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
 * the registered template has, are the campaign's mapped variables ({@link TemplateParameters}); nothing is filled
 * in by position.
 */
final class TemplateMessages {

    private final GraphMessages graph;
    private final String creditorName;

    TemplateMessages(GraphMessages graph, String creditorName) {
        this.graph = graph;
        this.creditorName = creditorName;
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
                TemplateParameters.values(debtor, campaign.templateParameters(), parameterCount, creditorName,
                        java.time.LocalDate.ofInstant(now, debtor.zone())));
        String to = body.hasNonNull("to") ? body.get("to").asText() : body.path("recipient").asText();
        return WhatsAppOutbox.newMessage(to, null, debtor.id(), "template", body.toString(), now)
                .append("campaignId", campaign.id());
    }
}

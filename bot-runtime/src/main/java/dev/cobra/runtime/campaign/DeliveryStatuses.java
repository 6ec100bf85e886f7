package dev.cobra.runtime.campaign;

import dev.cobra.runtime.channel.whatsapp.WhatsAppInboundStore;
import dev.cobra.runtime.channel.whatsapp.WhatsAppOutbox;
import dev.cobra.runtime.channel.whatsapp.WhatsAppStatusStore;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.Date;

/**
 * Links a sent campaign contact to what the WhatsApp channel stored about it: the outbox message (its {@code wamid},
 * or a permanent failure), the status webhooks by {@code wamid} (delivered, read, failed) and any inbound message
 * from the same address after it went out (replied).
 */
@Component
class DeliveryStatuses {

    record Delivery(String status, String wamid) {
    }

    private final WhatsAppOutbox outbox;
    private final WhatsAppStatusStore statuses;
    private final WhatsAppInboundStore inbound;

    DeliveryStatuses(WhatsAppOutbox outbox, WhatsAppStatusStore statuses, WhatsAppInboundStore inbound) {
        this.outbox = outbox;
        this.statuses = statuses;
        this.inbound = inbound;
    }

    Mono<Delivery> of(CampaignContact contact) {
        if (!CampaignContact.SENT.equals(contact.status()) || contact.outboxId() == null) {
            return Mono.just(new Delivery(contact.status().equals(CampaignContact.SENDING) ? CampaignContact.QUEUED
                    : contact.status(), null));
        }
        return outbox.findById(new ObjectId(contact.outboxId()))
                .flatMap(message -> {
                    if (WhatsAppOutbox.FAILED.equals(message.getString("status"))) {
                        return Mono.just(new Delivery("failed", null));
                    }
                    String wamid = message.getString("wamid");
                    if (wamid == null) {
                        return Mono.just(new Delivery("sent", null));
                    }
                    return replied(message).flatMap(replied -> replied ? Mono.just(new Delivery("replied", wamid))
                            : statuses.currentStatus(wamid).map(s -> new Delivery("unknown".equals(s) ? "sent" : s, wamid))
                            .defaultIfEmpty(new Delivery("sent", wamid)));
                })
                .defaultIfEmpty(new Delivery("sent", null));
    }

    private Mono<Boolean> replied(Document message) {
        Date sentAt = message.getDate("sentAt");
        if (sentAt == null || message.getString("to") == null) {
            return Mono.just(false);
        }
        return inbound.receivedFromSince(message.getString("to"), sentAt);
    }
}

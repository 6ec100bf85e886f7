package dev.cobra.runtime.campaign;

import dev.cobra.runtime.channel.sms.SmsMessageStore;
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
 * from the same address after it went out (replied). SMS contacts read the SMS record (the provider's status
 * callbacks, an answer by SMS); email contacts are sent or failed.
 */
@Component
class DeliveryStatuses {

    record Delivery(String status, String wamid) {
    }

    private final WhatsAppOutbox outbox;
    private final WhatsAppStatusStore statuses;
    private final WhatsAppInboundStore inbound;
    private final SmsMessageStore sms;

    DeliveryStatuses(WhatsAppOutbox outbox, WhatsAppStatusStore statuses, WhatsAppInboundStore inbound,
                     SmsMessageStore sms) {
        this.outbox = outbox;
        this.statuses = statuses;
        this.inbound = inbound;
        this.sms = sms;
    }

    Mono<Delivery> of(CampaignContact contact) {
        if (CampaignContact.SENT.equals(contact.status()) && "email".equals(contact.channel())) {
            // SMTP accepted it (or refused it); mail servers report nothing further
            return Mono.just(new Delivery(contact.reason() == null ? "sent" : "failed", null));
        }
        if (!CampaignContact.SENT.equals(contact.status()) || contact.outboxId() == null) {
            return Mono.just(new Delivery(contact.status().equals(CampaignContact.SENDING) ? CampaignContact.QUEUED
                    : contact.status(), null));
        }
        if ("sms".equals(contact.channel())) {
            return sms.find(contact.outboxId()).map(message -> new Delivery(smsStatus(message), message.providerId()))
                    .defaultIfEmpty(new Delivery("sent", null));
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

    /**
     * The provider's status as a campaign count: handed over ({@code queued}, {@code sending}) counts as
     * {@code sent}; an answer from the debtor makes it {@code replied}.
     */
    static String smsStatus(SmsMessageStore.Outbound message) {
        if (message.replied() && !"failed".equals(message.status())) {
            return "replied";
        }
        return switch (message.status() == null ? "" : message.status()) {
            case "delivered", "undelivered", "failed", "read" -> message.status();
            default -> "sent";
        };
    }

    private Mono<Boolean> replied(Document message) {
        Date sentAt = message.getDate("sentAt");
        if (sentAt == null || message.getString("to") == null) {
            return Mono.just(false);
        }
        return inbound.receivedFromSince(message.getString("to"), sentAt);
    }
}

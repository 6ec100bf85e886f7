package dev.cobra.runtime.payment;

import com.mongodb.client.model.Filters;
import dev.cobra.flow.template.LocaleFormats;
import dev.cobra.runtime.account.DebtAccounts;
import dev.cobra.runtime.conversation.message.OutboundChannel;
import dev.cobra.runtime.conversation.message.OutboundMessage;
import dev.cobra.runtime.conversation.message.Reply;
import dev.cobra.runtime.conversation.state.ConversationState;
import dev.cobra.runtime.conversation.state.ConversationStatus;
import dev.cobra.runtime.conversation.state.ConversationStore;
import dev.cobra.runtime.conversation.state.MessageLog;
import dev.cobra.runtime.conversation.state.TranscriptEntry;
import dev.cobra.runtime.debtor.Debtor;
import dev.cobra.runtime.webhook.WebhookOutbox;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a recorded payment changes beyond the account: the creditor hears {@code payment_received} for every
 * payment and {@code paid} when nothing is outstanding any more; a fully paid debt ends collection, so the
 * conversation that led to it (the payment link's, else the debtor's latest) closes with disposition {@code PAID}
 * and the debtor is thanked there with the payment's reference — unless an agent has the chat, the debtor opted
 * out or is the wrong party, or (WhatsApp) the 24-hour window is closed: a thank-you is no reason to open one.
 */
@Component
public class PaymentSettlement {

    static final String PAID = "PAID";
    private static final Duration WHATSAPP_WINDOW = Duration.ofHours(24);
    private static final Logger log = LoggerFactory.getLogger(PaymentSettlement.class);

    private final WebhookOutbox events;
    private final ConversationStore conversations;
    private final MessageLog messages;
    private final Map<String, OutboundChannel> channels;

    public PaymentSettlement(WebhookOutbox events, ConversationStore conversations, MessageLog messages,
                             List<OutboundChannel> channels) {
        this.events = events;
        this.conversations = conversations;
        this.messages = messages;
        this.channels = channels.stream().collect(Collectors.toMap(OutboundChannel::channel, Function.identity(), (a, b) -> a));
    }

    Mono<Void> settle(Debtor debtor, PaymentRecorder.Payment p, DebtAccounts.Applied applied, Instant now) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("reference", p.reference());
        data.put("debtId", p.debtId());
        data.put("amount", p.amount().toPlainString());
        data.put("currency", p.currency());
        data.put("outstanding", applied.outstanding().toPlainString());
        Mono<Void> received = events.append(new ObjectId(), "payment_received", p.conversationId(), debtor.id(), data, now);
        if (!applied.settledNow()) {
            return received;
        }
        return received
                .then(events.append(new ObjectId(), "paid", p.conversationId(), debtor.id(), data, now))
                .then(conversation(debtor.id(), p.conversationId()))
                .flatMap(c -> close(c, debtor, p, now))
                .then();
    }

    private Mono<ConversationState> conversation(String debtorId, String conversationId) {
        Mono<ConversationState> latest = conversations.findByDebtor(debtorId)
                .collectList()
                .flatMap(all -> Mono.justOrEmpty(all.stream().max(Comparator.comparing(
                        (ConversationState c) -> c.updatedAt() == null ? Instant.EPOCH : c.updatedAt()))));
        if (conversationId == null) {
            return latest;
        }
        return conversations.findById(conversationId).filter(c -> debtorId.equals(c.debtorId())).switchIfEmpty(latest);
    }

    /** Closes a bot (or already closed) conversation as {@code PAID} and thanks the debtor there. */
    private Mono<Void> close(ConversationState c, Debtor debtor, PaymentRecorder.Payment p, Instant now) {
        return conversations.updateIf(c.id(), Filters.in("status", ConversationStatus.BOT.name(),
                        ConversationStatus.CLOSED.name()),
                        new Document("status", ConversationStatus.CLOSED.name()).append("disposition", PAID))
                .flatMap(closed -> {
                    log.info("payment.conversation_closed conversation={} disposition=PAID", closed.id());
                    if (debtor.optedOut() || debtor.wrongParty() || closed.optedOut() || !windowOpen(closed, now)) {
                        return Mono.<Void>empty();
                    }
                    List<Reply> thanks = List.of(Reply.text(thanks(closed.locale() != null ? closed.locale()
                            : debtor.locale(), debtor.firstName(), p)));
                    OutboundChannel channel = channels.get(closed.channel());
                    return messages.appendOutsideTurn(conversations, closed.id(), TranscriptEntry.FROM_BOT, thanks, now)
                            .then(channel == null ? Mono.empty() : channel.deliver(new OutboundMessage(closed.id(),
                                    closed.channel(), closed.debtorId(), closed.externalUserId(), TranscriptEntry.FROM_BOT,
                                    thanks, closed.lastInboundAt(), closed.locale())));
                })
                .onErrorResume(e -> {
                    // The payment and the account are recorded; a failed thank-you must not fail the payment.
                    log.warn("payment.thanks_failed conversation={} error={}", c.id(), e.toString());
                    return Mono.empty();
                })
                .then();
    }

    static boolean windowOpen(ConversationState c, Instant now) {
        return !"whatsapp".equals(c.channel())
                || (c.lastInboundAt() != null && c.lastInboundAt().isAfter(now.minus(WHATSAPP_WINDOW)));
    }

    static String thanks(String locale, String firstName, PaymentRecorder.Payment p) {
        String amount = LocaleFormats.money(p.amount(), p.currency(), locale == null ? "es" : locale);
        String name = firstName == null || firstName.isBlank() ? "" : ", " + firstName;
        if (locale != null && locale.toLowerCase(java.util.Locale.ROOT).startsWith("en")) {
            return "Thank you" + name + "! We received your payment of " + amount + " (reference " + p.reference()
                    + "). Your account is paid in full; you will not receive further collection messages.";
        }
        return "¡Gracias" + name + "! Recibimos tu pago de " + amount + " (referencia " + p.reference()
                + "). Tu cuenta quedó al día y no recibirás más mensajes de cobro.";
    }
}

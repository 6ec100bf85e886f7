package dev.cobra.runtime.channel.whatsapp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cobra.runtime.conversation.message.DeliveryKey;
import dev.cobra.runtime.conversation.message.OutboundChannel;
import dev.cobra.runtime.conversation.message.OutboundMessage;
import dev.cobra.runtime.conversation.message.PreparedDelivery;
import dev.cobra.runtime.conversation.message.Reply;
import dev.cobra.runtime.compliance.ContactAttempt;
import dev.cobra.runtime.compliance.ContactPolicy;
import dev.cobra.runtime.debtor.Debtor;
import dev.cobra.runtime.debtor.DebtorDirectory;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code whatsapp} channel's sending side: turns replies into Graph API messages and puts them in the
 * outbox. Enforces the 24-hour customer service window: free-form messages only within 24 hours of the user's
 * last message; outside it the whole turn becomes one approved template: the conversation's flow's own
 * ({@code whatsapp.windowTemplate} in the flow YAML, parameters filled in for the debtor), else the global
 * {@code whatsapp.window-template}; with neither, the turn is recorded as refused and not sent.
 */
public class WhatsAppOutboundChannel implements OutboundChannel {

    private static final Logger log = LoggerFactory.getLogger(WhatsAppOutboundChannel.class);

    /** Meta's customer service window: free-form messages within 24 hours of the user's last message. */
    static final Duration SERVICE_WINDOW = Duration.ofHours(24);

    private final WhatsAppOutbox outbox;
    private final GraphMessages graphMessages;
    private final WhatsAppProperties properties;
    private final DebtorDirectory debtors;
    private final Runnable wakeSender;
    private final Clock clock;
    private final ContactPolicy contactPolicy;
    private final WindowTemplateSource flowTemplates;

    /**
     * The portfolio and the contact policy are required: every business-initiated message (outside the window)
     * passes {@link ContactPolicy#attempt}. The flows' own window templates, when given, are preferred over the
     * global setting.
     */
    public WhatsAppOutboundChannel(WhatsAppOutbox outbox, GraphMessages graphMessages, WhatsAppProperties properties,
                                   DebtorDirectory debtors, Runnable wakeSender, Clock clock,
                                   ContactPolicy contactPolicy, WindowTemplateSource flowTemplates) {
        this.flowTemplates = flowTemplates;
        this.contactPolicy = Objects.requireNonNull(contactPolicy, "contact policy");
        this.outbox = outbox;
        this.graphMessages = graphMessages;
        this.properties = properties;
        this.debtors = Objects.requireNonNull(debtors, "debtor directory");
        this.wakeSender = wakeSender;
        this.clock = clock;
    }

    @Override
    public String channel() {
        return "whatsapp";
    }

    @Override
    public Mono<Void> deliver(OutboundMessage message) {
        if (message.replies().isEmpty()) {
            return Mono.empty();
        }
        return address(message)
                .switchIfEmpty(Mono.defer(() -> {
                    log.warn("whatsapp.outbound.no_address conversation={}", message.conversationId());
                    return Mono.empty();
                }))
                .flatMap(address -> windowTemplate(message).map(Optional::of).defaultIfEmpty(Optional.empty())
                        .flatMap(template -> refusalReason(message, template.orElse(null))
                                .map(reason -> reason.isEmpty() ? toOutbox(message, address, template.orElse(null))
                                        : optOutRefusal(message, address, reason))))
                .flatMap(outbox::enqueue)
                .then(Mono.fromRunnable(wakeSender));
    }

    /**
     * A reply inside the service window to a known address needs no I/O to build: no template, no contact-policy
     * decision (it answers the debtor's own message) and no opt-out refusal (the same rule as {@link #deliver}), so it
     * is prepared to be saved with the turn. Anything else is delivered after the save.
     */
    @Override
    public PreparedDelivery prepare(OutboundMessage message, DeliveryKey key) {
        String address = message.externalUserId();
        if (message.replies().isEmpty() || address == null || address.isBlank()
                || !insideWindow(message, clock.instant())) {
            return null;
        }
        return outbox.prepare(toOutbox(message, address, null), key, wakeSender);
    }

    @Override
    public Mono<Void> recover(List<Document> records, DeliveryKey key) {
        return outbox.recover(records, key).then(Mono.fromRunnable(wakeSender));
    }

    /**
     * Opt-out wins over everything the business starts: outside the service window a message is business-initiated
     * (the debtor did not just write), so an opted-out debtor gets nothing. Replies inside the window answer the
     * debtor's own message and still go out (the engine itself closes politely on an opt-out).
     */
    private Mono<Boolean> optedOutBusinessInitiated(OutboundMessage message) {
        DebtorDirectory directory = debtors;
        if (insideWindow(message, clock.instant()) || message.debtorId() == null) {
            return Mono.just(false);
        }
        return directory.findById(message.debtorId()).map(Debtor::optedOut).defaultIfEmpty(false);
    }

    /**
     * Why a message must not go out ({@code opted_out}, or the contact policy's reason), or "" when it may. A
     * message outside the window that would go out as the window template is business-initiated (an agent or the
     * bot writing first): with the contact policy present it decides and records the attempt in the audit trail.
     */
    private Mono<String> refusalReason(OutboundMessage message, WindowTemplateChoice template) {
        ContactPolicy policy = contactPolicy;
        Instant now = clock.instant();
        if (insideWindow(message, now) || message.debtorId() == null || template == null) {
            return optedOutBusinessInitiated(message).map(optedOut -> optedOut ? "opted_out" : "");
        }
        String purpose = "agent".equals(message.from()) ? "agent" : "bot";
        return policy.attempt(new ContactAttempt(message.debtorId(), "whatsapp", purpose, message.conversationId(),
                template.name(), now)).map(decision -> decision.allowed() ? "" : decision.reason());
    }

    /**
     * Outside the window: the flow's own template when it has one, else the global setting; empty inside the window
     * or when neither exists. A failed flow lookup falls back to the global template rather than losing the turn.
     */
    Mono<WindowTemplateChoice> windowTemplate(OutboundMessage message) {
        if (insideWindow(message, clock.instant())) {
            return Mono.empty();
        }
        Mono<WindowTemplateChoice> global = Mono.fromSupplier(() -> globalTemplate(message));
        if (flowTemplates == null) {
            return global;
        }
        return flowTemplates.forMessage(message)
                .onErrorResume(e -> {
                    log.warn("whatsapp.outbound.flow_template_lookup_failed conversation={} error={}",
                            message.conversationId(), e.getClass().getSimpleName());
                    return Mono.empty();
                })
                .switchIfEmpty(global);
    }

    private WindowTemplateChoice globalTemplate(OutboundMessage message) {
        if (properties.windowTemplate() == null) {
            return null;
        }
        return new WindowTemplateChoice(properties.windowTemplate(),
                GraphMessages.templateLanguage(message.locale(), properties.windowTemplateLanguage()), List.of(), "global");
    }

    private List<Document> optOutRefusal(OutboundMessage message, String address, String reason) {
        Instant now = clock.instant();
        String to = GraphMessages.isPhone(address) ? WebhookPayloadParser.digitsOrNull(address) : address;
        log.info("whatsapp.outbound.blocked conversation={} reason={}", message.conversationId(), reason);
        ObjectNode body = graphMessages.text(address, message.replies().get(0).text());
        return List.of(WhatsAppOutbox.refused(WhatsAppOutbox.newMessage(to, message.conversationId(),
                message.debtorId(), "text", body.toString(), now), reason, "opted_out".equals(reason)
                ? "The debtor opted out; business-initiated messages are not sent"
                : "Blocked by the contact policy: " + reason));
    }

    private static boolean insideWindow(OutboundMessage message, Instant now) {
        return message.lastInboundAt() != null && message.lastInboundAt().isAfter(now.minus(SERVICE_WINDOW));
    }

    /** The user's phone or BSUID; a business-initiated message may carry only the debtor id. */
    private Mono<String> address(OutboundMessage message) {
        if (message.externalUserId() != null && !message.externalUserId().isBlank()) {
            return Mono.just(message.externalUserId());
        }
        DebtorDirectory directory = debtors;
        if (message.debtorId() == null) {
            return Mono.empty();
        }
        return directory.findById(message.debtorId()).mapNotNull(WhatsAppOutboundChannel::addressOf);
    }

    private static String addressOf(Debtor debtor) {
        if (debtor.phone() != null && !debtor.phone().isBlank()) {
            return debtor.phone();
        }
        return debtor.bsuids().stream().sorted().findFirst().orElse(null);
    }

    List<Document> toOutbox(OutboundMessage message, String address) {
        return toOutbox(message, address, insideWindow(message, clock.instant()) ? null : globalTemplate(message));
    }

    List<Document> toOutbox(OutboundMessage message, String address, WindowTemplateChoice template) {
        Instant now = clock.instant();
        String to = GraphMessages.isPhone(address) ? WebhookPayloadParser.digitsOrNull(address) : address;
        List<Document> documents = new ArrayList<>();
        if (insideWindow(message, now)) {
            for (Reply reply : message.replies()) {
                ObjectNode body = graphMessages.fromReply(address, reply, message.locale());
                documents.add(WhatsAppOutbox.newMessage(to, message.conversationId(), message.debtorId(),
                        body.path("type").asText(), body.toString(), now));
            }
            return documents;
        }
        if (template != null) {
            ObjectNode body = graphMessages.template(address, template.name(), template.language(), template.parameters());
            documents.add(WhatsAppOutbox.newMessage(to, message.conversationId(), message.debtorId(), "template",
                    body.toString(), now));
            log.info("whatsapp.outbound.window_closed conversation={} sent=template source={}", message.conversationId(),
                    template.source());
            return documents;
        }
        log.warn("whatsapp.outbound.window_closed conversation={} sent=nothing reason=no_template",
                message.conversationId());
        ObjectNode body = graphMessages.text(address, message.replies().get(0).text());
        documents.add(WhatsAppOutbox.refused(WhatsAppOutbox.newMessage(to, message.conversationId(),
                message.debtorId(), "text", body.toString(), now), "outside_window_no_template",
                "The 24-hour window is closed and no whatsapp.window-template is configured"));
        return documents;
    }
}

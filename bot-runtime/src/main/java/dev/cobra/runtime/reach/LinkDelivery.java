package dev.cobra.runtime.reach;

import dev.cobra.runtime.channel.email.EmailSender;
import dev.cobra.runtime.channel.sms.SmsSender;
import dev.cobra.runtime.channel.webchat.WebchatLinkService;
import dev.cobra.runtime.compliance.ContactAttempt;
import dev.cobra.runtime.compliance.ContactDecision;
import dev.cobra.runtime.compliance.ContactPolicy;
import dev.cobra.runtime.debtor.Debtor;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.List;

/**
 * Delivers a debtor's personal chat link by SMS or email. {@link #attemptAndDeliver} is the one way in for a
 * business-initiated send: the contact policy decides first ({@link ContactPolicy#attempt}, which also writes the
 * audit row and counts against the caps), and only an allowed attempt issues a link and sends it.
 */
@Service
public class LinkDelivery {

    public static final List<String> CHANNELS = List.of("sms", "email");
    static final String TEMPLATE = "chat_link";

    /**
     * What happened: {@code decision} is the policy's answer (or a blocked {@code no_address} when the debtor has no
     * phone / email); when allowed, {@code messageId} names the message and {@code delivered} says whether the
     * provider accepted it.
     */
    public record Outcome(String channel, ContactDecision decision, String messageId, boolean delivered, String error) {

        public boolean sent() {
            return decision.allowed() && delivered;
        }
    }

    private final ContactPolicy policy;
    private final WebchatLinkService links;
    private final SmsSender sms;
    private final EmailSender email;
    private final Clock clock;

    public LinkDelivery(ContactPolicy policy, WebchatLinkService links, SmsSender sms, EmailSender email, Clock clock) {
        this.policy = policy;
        this.links = links;
        this.sms = sms;
        this.email = email;
        this.clock = clock;
    }

    /** Whether the channel has a provider configured (SMS account, SMTP server and sender). */
    public boolean configured(String channel) {
        return switch (channel) {
            case "sms" -> sms.configured();
            case "email" -> email.configured();
            default -> false;
        };
    }

    /** The debtor's address on the channel: phone for SMS, email for email; null when none is on file. */
    public static String address(Debtor debtor, String channel) {
        String value = "sms".equals(channel) ? debtor.phone() : "email".equals(channel) ? debtor.email() : null;
        return value == null || value.isBlank() ? null : value;
    }

    /**
     * Asks the policy and, when allowed, sends. {@code purpose} and {@code sourceId} go to the audit trail
     * ({@code campaign} + campaign id, {@code agent} + username).
     */
    public Mono<Outcome> attemptAndDeliver(Debtor debtor, String channel, String purpose, String sourceId,
                                           String campaignId) {
        if (address(debtor, channel) == null) {
            return Mono.just(new Outcome(channel, ContactDecision.block("no_address", null), null, false, null));
        }
        ContactAttempt attempt = new ContactAttempt(debtor.id(), channel, purpose, sourceId, TEMPLATE, clock.instant());
        return policy.attempt(attempt).flatMap(decision -> decision.allowed()
                ? deliver(debtor, channel, purpose, campaignId).map(sent -> new Outcome(channel, decision,
                sent.messageId(), sent.delivered(), sent.error()))
                : Mono.just(new Outcome(channel, decision, null, false, null)));
    }

    private record Sent(String messageId, boolean delivered, String error) {
    }

    /** Issues a fresh link and sends it; only after the policy allowed the contact. */
    private Mono<Sent> deliver(Debtor debtor, String channel, String purpose, String campaignId) {
        return links.createLink(debtor.id()).flatMap(link -> switch (channel) {
            case "sms" -> sms.send(debtor.id(), debtor.phone(), LinkTexts.sms(debtor.locale(), debtor.firstName(),
                            link.url()), campaignId, purpose)
                    .map(sent -> new Sent(sent.messageId(), sent.accepted(), sent.error()));
            case "email" -> email.sendChatLink(debtor, link.url())
                    .map(messageId -> new Sent(messageId, true, null))
                    .onErrorResume(EmailSender.EmailSendException.class, e -> Mono.just(new Sent(null, false, "smtp_failed")));
            default -> Mono.error(new IllegalArgumentException("not a link channel: " + channel));
        });
    }
}

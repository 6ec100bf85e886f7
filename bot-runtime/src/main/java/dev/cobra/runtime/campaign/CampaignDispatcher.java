package dev.cobra.runtime.campaign;

import dev.cobra.runtime.channel.whatsapp.GraphMessages;
import dev.cobra.runtime.channel.whatsapp.OutboxSender;
import dev.cobra.runtime.channel.whatsapp.WhatsAppOutbox;
import dev.cobra.runtime.channel.whatsapp.WhatsAppTemplateRegistry;
import dev.cobra.runtime.compliance.ContactAttempt;
import dev.cobra.runtime.compliance.ContactDecision;
import dev.cobra.runtime.compliance.ContactPolicy;
import dev.cobra.runtime.debtor.Debtor;
import dev.cobra.runtime.debtor.DebtorDirectory;
import dev.cobra.runtime.reach.LinkDelivery;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Sends the due contacts of running campaigns: claims each (atomic, so several instances may run this), asks the
 * contact policy ({@link ContactPolicy#attempt}, which also writes the audit row) and then queues the template in
 * the WhatsApp outbox or sends the chat link by SMS or email ({@link LinkDelivery}), defers the contact to the
 * policy's next allowed time, or blocks it for good. With several channels the next one is tried when the debtor
 * has no consent or no address on the one before (time-based blocks defer on the channel that met them). The outbox
 * sender paces the actual requests at the number's rate limit; {@code batchSize} bounds how much one pass queues.
 */
@Component
public class CampaignDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CampaignDispatcher.class);
    static final Duration CLAIM_TIMEOUT = Duration.ofMinutes(2);
    /** Contacts handled at once in a pass; each is a different debtor, and decisions lock per debtor. */
    static final int CONCURRENCY = 8;

    private final CampaignStore campaigns;
    private final CampaignContacts contacts;
    private final ContactPolicy policy;
    private final DebtorDirectory debtors;
    private final WhatsAppTemplateRegistry templates;
    private final WhatsAppOutbox outbox;
    private final ObjectProvider<OutboxSender> sender;
    private final TemplateMessages messages;
    private final LinkDelivery links;
    private final Clock clock;
    private final Duration pollInterval;
    private final int batchSize;
    private final Sinks.Many<Boolean> wakeups = Sinks.many().multicast().directBestEffort();
    private volatile Disposable loop;

    public CampaignDispatcher(CampaignStore campaigns, CampaignContacts contacts, ContactPolicy policy,
                              DebtorDirectory debtors, WhatsAppTemplateRegistry templates, WhatsAppOutbox outbox,
                              ObjectProvider<OutboxSender> sender, GraphMessages graphMessages,
                              LinkDelivery links, ObjectProvider<Clock> clock,
                              @Value("${campaigns.poll-interval:PT5S}") Duration pollInterval,
                              @Value("${campaigns.batch-size:500}") int batchSize,
                              @Value("${bot.creditor.name:}") String creditorName) {
        this.campaigns = campaigns;
        this.contacts = contacts;
        this.policy = policy;
        this.debtors = debtors;
        this.templates = templates;
        this.outbox = outbox;
        this.sender = sender;
        this.messages = new TemplateMessages(graphMessages, creditorName);
        this.links = links;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.pollInterval = pollInterval;
        this.batchSize = batchSize;
    }

    public void wake() {
        wakeups.tryEmitNext(Boolean.TRUE);
    }

    @Override
    public synchronized void start() {
        if (loop != null) {
            return;
        }
        loop = Flux.merge(Flux.interval(pollInterval, pollInterval).map(tick -> Boolean.TRUE), wakeups.asFlux())
                .onBackpressureDrop()
                .concatMap(tick -> contacts.releaseStaleClaims(clock.instant().minus(CLAIM_TIMEOUT))
                        .then(dispatchOnce())
                        .onErrorResume(error -> {
                            log.warn("campaign.dispatch.failed error={}", error.toString());
                            return Mono.just(0L);
                        }), 1)
                .subscribe();
    }

    @Override
    public synchronized void stop() {
        if (loop != null) {
            loop.dispose();
            loop = null;
        }
    }

    @Override
    public boolean isRunning() {
        return loop != null;
    }

    /** One pass over the due contacts of running campaigns; emits how many were claimed and settled. */
    public Mono<Long> dispatchOnce() {
        Instant now = clock.instant();
        return campaigns.runningIds().collectList()
                .flatMapMany(ids -> ids.isEmpty() ? Flux.empty() : contacts.due(ids, now, batchSize))
                .flatMap(contact -> contacts.claim(contact.id(), now).flatMap(claimed -> process(claimed, now)),
                        CONCURRENCY)
                .count()
                .doOnNext(count -> {
                    if (count > 0) {
                        OutboxSender outboxSender = sender.getIfAvailable();
                        if (outboxSender != null) {
                            outboxSender.wake();
                        }
                        log.info("campaign.dispatch.pass contacts={}", count);
                    }
                });
    }

    private Mono<Boolean> process(CampaignContact contact, Instant now) {
        return campaigns.find(contact.campaignId())
                .flatMap(campaign -> debtors.findById(contact.debtorId())
                        .flatMap(debtor -> send(contact, campaign, debtor, now))
                        .switchIfEmpty(Mono.defer(() -> contacts.markBlocked(contact.id(), "unknown_debtor")
                                .thenReturn(Boolean.TRUE))));
    }

    /** Reasons that move a contact on to the campaign's next channel. */
    static final List<String> FALLBACK_REASONS = List.of("no_consent", "no_address");

    private Mono<Boolean> send(CampaignContact contact, Campaign campaign, Debtor debtor, Instant now) {
        return sendOn(contact, campaign, debtor, 0, now);
    }

    private Mono<Boolean> sendOn(CampaignContact contact, Campaign campaign, Debtor debtor, int index, Instant now) {
        String channel = campaign.channels().get(index);
        boolean last = index == campaign.channels().size() - 1;
        Mono<ContactDecision> sent = "whatsapp".equals(channel) ? whatsapp(contact, campaign, debtor, now)
                : links.attemptAndDeliver(debtor, channel, "campaign", campaign.id(), campaign.id())
                .flatMap(outcome -> outcome.decision().allowed()
                        ? contacts.markSent(contact.id(), channel, outcome.messageId(), outcome.error(), now)
                        .thenReturn(outcome.decision())
                        : Mono.just(outcome.decision()));
        return sent.flatMap(decision -> {
            if (!decision.allowed() && !last && FALLBACK_REASONS.contains(decision.reason())) {
                return sendOn(contact, campaign, debtor, index + 1, now);
            }
            return settle(contact, decision);
        });
    }

    /** The policy's decision on WhatsApp; when allowed, the template is queued in the outbox and the contact is sent. */
    private Mono<ContactDecision> whatsapp(CampaignContact contact, Campaign campaign, Debtor debtor, Instant now) {
        String address = TemplateMessages.address(debtor);
        if (address == null) {
            return Mono.just(ContactDecision.block("no_address", null));
        }
        ContactAttempt attempt = new ContactAttempt(debtor.id(), "whatsapp", "campaign", campaign.id(),
                campaign.templateName(), now);
        return policy.attempt(attempt).flatMap(decision -> !decision.allowed() ? Mono.just(decision)
                : templates.find(campaign.templateName(), campaign.templateLanguage())
                .map(WhatsAppTemplateRegistry.Template::parameters).defaultIfEmpty(0)
                .flatMap(count -> {
                    Document message = messages.outboxMessage(debtor, address, campaign, count, now);
                    return outbox.enqueue(List.of(message))
                            .then(contacts.markSent(contact.id(), message.getObjectId("_id").toHexString(), now));
                })
                .thenReturn(decision));
    }

    private Mono<Boolean> settle(CampaignContact contact, ContactDecision decision) {
        if (decision.allowed()) {
            return Mono.just(Boolean.TRUE); // recorded by the channel's send
        }
        if (decision.nextAllowedAt() != null) {
            return contacts.markDeferred(contact.id(), decision.reason(), decision.nextAllowedAt())
                    .thenReturn(Boolean.TRUE);
        }
        return contacts.markBlocked(contact.id(), decision.reason()).thenReturn(Boolean.TRUE);
    }
}

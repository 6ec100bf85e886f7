package dev.cobra.runtime.channel.sms;

import dev.cobra.runtime.debtor.PhoneNumbers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.time.Clock;

/**
 * Sends one SMS and keeps its record: the record is written first (so a status callback always finds it), then the
 * provider is called, then the provider's id and status, or the failure, are recorded. Delivery statuses arrive later
 * at {@code POST /webhooks/sms} ({@code StatusCallback} = {@code bot.public-url} + {@code /webhooks/sms}).
 */
public class SmsSender {

    private static final Logger log = LoggerFactory.getLogger(SmsSender.class);

    /** The outcome: the message record's id, and whether the provider accepted it. */
    public record Sent(String messageId, boolean accepted, String status, String error) {
    }

    private final SmsProvider provider;
    private final SmsMessageStore store;
    private final SmsProperties properties;
    private final String statusCallback;
    private final Clock clock;

    public SmsSender(SmsProvider provider, SmsMessageStore store, SmsProperties properties, String publicUrl, Clock clock) {
        this.provider = provider;
        this.store = store;
        this.properties = properties;
        this.statusCallback = SmsWebhookController.webhookUrl(publicUrl);
        this.clock = clock;
    }

    public boolean configured() {
        return properties.sendingConfigured();
    }

    public Mono<Sent> send(String debtorId, String to, String body, String campaignId, String purpose) {
        return store.recordOutbound(debtorId, to, campaignId, purpose, clock.instant())
                .flatMap(id -> provider.send(to, body, statusCallback)
                        .flatMap(receipt -> store.markSubmitted(id, receipt.providerId(), receipt.status(), clock.instant())
                                .thenReturn(new Sent(id, true, receipt.status(), null)))
                        .onErrorResume(SmsProvider.SmsSendException.class, e -> {
                            log.warn("sms.send.failed debtorId={} to={} code={} permanent={}", debtorId,
                                    PhoneNumbers.mask(to), e.code(), e.permanent());
                            return store.markFailed(id, e.code(), clock.instant())
                                    .thenReturn(new Sent(id, false, "failed", e.code()));
                        }));
    }
}

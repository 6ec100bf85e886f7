package dev.cobra.runtime.collections;

import dev.cobra.runtime.channel.whatsapp.WhatsAppInboundStore;
import dev.cobra.runtime.channel.whatsapp.WhatsAppOutbox;
import dev.cobra.runtime.conversation.state.ConversationStore;
import dev.cobra.runtime.conversation.state.MessageLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;

/**
 * Transcript retention ({@code bot.retention.transcript-days}, default 365; 0 keeps transcripts forever): message
 * log entries older than that are deleted, settled WhatsApp inbound messages too, and the bodies of old settled
 * outbound messages are cleared (their delivery status stays for the KPIs), and so is the copy of the last turn that
 * old conversations keep for crash recovery.
 */
@Component
public class TranscriptRetention {

    private static final Logger log = LoggerFactory.getLogger(TranscriptRetention.class);

    private final MessageLog messageLog;
    private final WhatsAppInboundStore inbound;
    private final WhatsAppOutbox outbox;
    private final ConversationStore conversations;
    private final int days;

    public TranscriptRetention(MessageLog messageLog, WhatsAppInboundStore inbound, WhatsAppOutbox outbox,
                               ConversationStore conversations, @Value("${bot.retention.transcript-days:365}") int days) {
        this.messageLog = messageLog;
        this.inbound = inbound;
        this.outbox = outbox;
        this.conversations = conversations;
        this.days = days;
    }

    /** @return how many message log entries were deleted */
    public Mono<Long> purge(Instant now) {
        if (days <= 0) {
            return Mono.just(0L);
        }
        Instant cutoff = now.minus(Duration.ofDays(days));
        Mono<Long> messages = messageLog.deleteBefore(cutoff);
        Mono<Long> inbound = this.inbound.deleteSettledBefore(cutoff);
        Mono<Long> outbound = outbox.clearBodiesBefore(cutoff);
        // A conversation keeps its last turn's log entries for crash recovery (LastTurn): gone with the transcript.
        Mono<Long> lastTurns = conversations.dropLastTurnsBefore(cutoff);
        return Mono.zip(messages, inbound, outbound, lastTurns).map(t -> {
            if (t.getT1() + t.getT2() + t.getT3() > 0) {
                log.info("retention.purged messages={} inbound={} outbound={} days={}", t.getT1(), t.getT2(), t.getT3(), days);
            }
            return t.getT1();
        });
    }
}

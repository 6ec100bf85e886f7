package dev.cobra.runtime.handoff;

import com.mongodb.reactivestreams.client.MongoCollection;
import dev.cobra.runtime.conversation.message.Reply;
import dev.cobra.runtime.conversation.state.ConversationState;
import dev.cobra.runtime.conversation.state.ConversationStatus;
import dev.cobra.runtime.conversation.state.ConversationStore;
import dev.cobra.runtime.conversation.state.MessageLog;
import dev.cobra.runtime.conversation.state.TranscriptEntry;
import dev.cobra.runtime.persistence.CollectionOwner;
import dev.cobra.runtime.persistence.DebtorRecords;
import dev.cobra.runtime.persistence.ErasureSweep;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * No chat waits forever in silence: once a chat has waited {@link HandoffProperties#noAgentTimeout()} without an
 * agent, the debtor is told, once, when to expect an answer; the chat stays in the queue. "Once" holds across
 * instances: the notice is claimed by inserting {@code <conversationId>:<handoff time>} into
 * {@code handoff_notices}, and only the instance whose insert succeeds sends it.
 */
@Component
@CollectionOwner("handoff_notices")
class WaitingNotices implements DebtorRecords {

    private static final Logger log = LoggerFactory.getLogger(WaitingNotices.class);

    private final ConversationStore conversations;
    private final MessageLog messages;
    private final ChannelDelivery delivery;
    private final HandoffProperties properties;
    private static final String COLLECTION = "handoff_notices";

    private final Mono<MongoCollection<Document>> notices;
    private final ReactiveMongoTemplate mongo;

    WaitingNotices(ConversationStore conversations, MessageLog messages, ChannelDelivery delivery,
                   HandoffProperties properties, ReactiveMongoTemplate mongo) {
        this.conversations = conversations;
        this.messages = messages;
        this.delivery = delivery;
        this.properties = properties;
        this.mongo = mongo;
        this.notices = mongo.getCollection(COLLECTION).cache();
    }

    /**
     * Sends the notice to every chat that has waited past the timeout at {@code now} and has not had it.
     *
     * @return how many notices this call sent
     */
    Mono<Integer> sendDue(Instant now) {
        Instant due = now.minus(properties.noAgentTimeout());
        return conversations.findByStatus(ConversationStatus.WAITING_AGENT)
                .filter(c -> c.handoff() != null && c.handoff().at() != null && !c.handoff().at().isAfter(due))
                .concatMap(c -> claimNotice(c, now).filter(Boolean::booleanValue)
                        .flatMap(won -> notify(c, now).thenReturn(c))
                        .onErrorResume(e -> {
                            log.warn("handoff.notice.failed conversation={} error={}", c.id(), e.toString());
                            return Mono.empty();
                        }))
                .count().map(Long::intValue);
    }

    private Mono<Boolean> claimNotice(ConversationState c, Instant now) {
        Document doc = new Document("_id", c.id() + ":" + c.handoff().at().toEpochMilli())
                .append("conversationId", c.id()).append("at", Date.from(now));
        return notices.flatMap(col -> Mono.from(col.insertOne(doc))).thenReturn(true)
                .onErrorResume(e -> e instanceof com.mongodb.MongoWriteException w && w.getError().getCode() == 11000,
                        e -> Mono.just(false));
    }

    private Mono<Void> notify(ConversationState c, Instant now) {
        List<Reply> replies = List.of(Reply.text(text(c.locale())));
        log.info("handoff.notice.sent conversation={} queue={}", c.id(), c.handoff().queue());
        return messages.appendOutsideTurn(conversations, c.id(), TranscriptEntry.FROM_BOT, replies, now)
                .then(delivery.deliver(c, TranscriptEntry.FROM_BOT, replies));
    }

    static String text(String locale) {
        if (locale != null && locale.toLowerCase().startsWith("en")) {
            return "Thank you for waiting. All our advisors are busy right now; your chat stays in line and a person "
                    + "will answer here as soon as one is free, usually within business hours today. "
                    + "You don't need to write again.";
        }
        return "Gracias por esperar. En este momento todos nuestros asesores están ocupados; tu conversación sigue "
                + "en la fila y una persona te responderá por aquí apenas se libere, normalmente dentro del horario "
                + "de atención de hoy. No necesitas escribir de nuevo.";
    }

    /** The records stay (they are evidence) under the pseudonym, without personal data. */
    @Override
    public Mono<Map<String, Long>> erase(Erasure e) {
        return ErasureSweep.sweepReported(mongo, COLLECTION, e);
    }
}

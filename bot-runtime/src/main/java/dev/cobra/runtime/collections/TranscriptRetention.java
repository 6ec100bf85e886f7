package dev.cobra.runtime.collections;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * Transcript retention ({@code bot.retention.transcript-days}, default 365; 0 keeps transcripts forever): message
 * log entries older than that are deleted, settled WhatsApp inbound messages too, and the bodies of old settled
 * outbound messages are cleared (their delivery status stays for the KPIs), and so is the copy of the last turn that
 * old conversations keep for crash recovery.
 */
@Component
public class TranscriptRetention {

    private static final Logger log = LoggerFactory.getLogger(TranscriptRetention.class);

    private final ReactiveMongoTemplate mongo;
    private final int days;

    public TranscriptRetention(ReactiveMongoTemplate mongo, @Value("${bot.retention.transcript-days:365}") int days) {
        this.mongo = mongo;
        this.days = days;
    }

    /** @return how many message log entries were deleted */
    public Mono<Long> purge(Instant now) {
        if (days <= 0) {
            return Mono.just(0L);
        }
        Date cutoff = Date.from(now.minus(Duration.ofDays(days)));
        Mono<Long> messages = mongo.remove(Query.query(Criteria.where("at").lt(cutoff)), "messages")
                .map(r -> r.getDeletedCount());
        Mono<Long> inbound = mongo.remove(Query.query(Criteria.where("receivedAt").lt(cutoff).and("state").ne("PENDING")),
                "whatsapp_inbound").map(r -> r.getDeletedCount());
        Mono<Long> outbound = mongo.updateMulti(Query.query(Criteria.where("createdAt").lt(cutoff)
                        .and("status").in("SENT", "FAILED").and("body").ne("{}")),
                new Update().set("body", "{}"), "whatsapp_outbox").map(r -> r.getModifiedCount());
        // A conversation keeps its last turn's log entries for crash recovery (LastTurn): gone with the transcript.
        Mono<Long> lastTurns = mongo.updateMulti(Query.query(Criteria.where("updatedAt").lt(cutoff).and("lastTurn").ne(null)),
                new Update().unset("lastTurn"), "conversations").map(r -> r.getModifiedCount());
        return Mono.zip(messages, inbound, outbound, lastTurns).map(t -> {
            if (t.getT1() + t.getT2() + t.getT3() > 0) {
                log.info("retention.purged messages={} inbound={} outbound={} days={}", t.getT1(), t.getT2(), t.getT3(), days);
            }
            return t.getT1();
        });
    }
}

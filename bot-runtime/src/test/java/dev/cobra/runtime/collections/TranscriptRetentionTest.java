package dev.cobra.runtime.collections;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;

/** Transcript retention deletes message log entries older than the configured days and keeps newer ones. */
class TranscriptRetentionTest extends OperationsRuntimeTest {

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void oldTranscriptsGoAndRecentOnesStay() {
        Instant now = Instant.parse("2027-06-01T00:00:00Z");
        mongo.insert(new Document("conversationId", "c_ret").append("seq", 1).append("text", "old")
                .append("at", Date.from(now.minus(Duration.ofDays(400)))), "messages").block();
        mongo.insert(new Document("conversationId", "c_ret").append("seq", 2).append("text", "recent")
                .append("at", Date.from(now.minus(Duration.ofDays(10)))), "messages").block();
        mongo.insert(new Document("to", "57300").append("status", "SENT").append("body", "{\"text\":\"hola\"}")
                .append("createdAt", Date.from(now.minus(Duration.ofDays(400)))), "whatsapp_outbox").block();

        mongo.insert(new Document("_id", "c_ret_old").append("updatedAt", Date.from(now.minus(Duration.ofDays(400))))
                .append("lastTurn", new Document("inboundId", "wamid.1").append("entries", java.util.List.of(
                        new Document("text", "old words")))), "conversations").block();
        mongo.insert(new Document("_id", "c_ret_new").append("updatedAt", Date.from(now.minus(Duration.ofDays(10))))
                .append("lastTurn", new Document("inboundId", "wamid.2")), "conversations").block();

        TranscriptRetention retention = retention(mongo, 365);
        assertThat(retention.purge(now).block()).isEqualTo(1);
        assertThat(mongo.find(Query.query(Criteria.where("conversationId").is("c_ret")), Document.class, "messages")
                .map(d -> d.getString("text")).collectList().block()).containsExactly("recent");
        assertThat(mongo.findOne(Query.query(Criteria.where("to").is("57300")), Document.class, "whatsapp_outbox").block()
                .getString("body")).isEqualTo("{}");
        assertThat(mongo.findById("c_ret_old", Document.class, "conversations").block().get("lastTurn"))
                .as("an old conversation's copy of its last turn goes with the transcript").isNull();
        assertThat(mongo.findById("c_ret_new", Document.class, "conversations").block().get("lastTurn")).isNotNull();
        assertThat(retention(mongo, 0).purge(now).block()).as("0 keeps everything").isZero();
    }

    private static TranscriptRetention retention(org.springframework.data.mongodb.core.ReactiveMongoTemplate mongo, int days) {
        return new TranscriptRetention(new dev.cobra.runtime.conversation.state.MessageLog(mongo),
                new dev.cobra.runtime.channel.whatsapp.WhatsAppInboundStore(mongo),
                new dev.cobra.runtime.channel.whatsapp.WhatsAppOutbox(mongo),
                new dev.cobra.runtime.conversation.state.ConversationStore(mongo), days);
    }
}

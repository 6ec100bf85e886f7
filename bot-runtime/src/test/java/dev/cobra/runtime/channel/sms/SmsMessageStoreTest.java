package dev.cobra.runtime.channel.sms;

import dev.cobra.runtime.persistence.IdTypes;
import dev.cobra.runtime.persistence.TestDatabase;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;

/** Provider statuses move a message forward only, in whatever order they arrive, even before the send's answer. */
class SmsMessageStoreTest {

    static final Instant AT = Instant.parse("2026-11-18T15:00:00Z");

    TestDatabase database;

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void statusesOnlyMoveForwardAndAnEarlyCallbackIsKept(@TempDir Path dir) {
        database = TestDatabase.embedded(dir.resolve("sms.mv"));
        SmsMessageStore store = new SmsMessageStore(database.template());

        String a = store.recordOutbound("D-1", "+573001112233", "cmp-1", "campaign", AT).block();
        store.markSubmitted(a, "SM-A", "queued", AT).block();
        assertThat(store.applyStatus("SM-A", "delivered", null, AT).block()).isTrue();
        assertThat(store.applyStatus("SM-A", "sent", null, AT).block()).isFalse(); // late
        assertThat(store.applyStatus("SM-A", "queued", null, AT).block()).isFalse();
        assertThat(store.find(a).block().status()).isEqualTo("delivered");

        // the callback beats the answer to the send request
        String b = store.recordOutbound("D-2", "+573001112244", "cmp-1", "campaign", AT).block();
        assertThat(store.applyStatus("SM-B", "undelivered", "30003", AT).block()).isFalse();
        store.markSubmitted(b, "SM-B", "queued", AT).block();
        SmsMessageStore.Outbound early = store.find(b).block();
        assertThat(early.status()).isEqualTo("undelivered");
        assertThat(early.error()).isEqualTo("30003");

        // unknown statuses and ids change nothing; answers mark what was sent before
        assertThat(store.applyStatus("SM-A", "exploded", null, AT).block()).isFalse();
        assertThat(store.applyStatus(null, "sent", null, AT).block()).isFalse();
        store.markReplied("D-1", AT).block();
        assertThat(store.find(a).block().replied()).isTrue();
        assertThat(store.find(b).block().replied()).isFalse();
        assertThat(store.recordInbound("SM-IN", "D-1", false, AT).block()).isTrue();
        assertThat(store.recordInbound("SM-IN", "D-1", false, AT).block()).isFalse();
    }

    /**
     * Outbound messages, provider-id pointers and inbound ids share the collection, so they share one id type
     * (String): outbound messages under ObjectIds next to string pointers made the embedded database fail reads
     * by id with "Can not compare" under concurrent load (SmsCampaignTest's campaign report, now and then).
     */
    @Test
    void everyDocumentOfTheCollectionHasAStringId(@TempDir Path dir) {
        database = TestDatabase.embedded(dir.resolve("sms.mv"));
        SmsMessageStore store = new SmsMessageStore(database.template());

        String sent = store.recordOutbound("D-1", "+573001112233", "cmp-1", "campaign", AT).block();
        store.markSubmitted(sent, "SM-A", "queued", AT).block();
        store.applyStatus("SM-EARLY", "delivered", null, AT).block(); // a callback before its send's answer
        String refused = store.recordOutbound("D-2", "+573001112244", "cmp-1", "campaign", AT).block();
        store.markFailed(refused, "twilio_21211", AT).block();
        store.recordInbound("SM-IN", "D-1", false, AT).block();

        assertThat(IdTypes.in(database.template(), "sms_messages")).containsExactly("String");
        assertThat(sent).matches("[0-9a-f]{24}"); // the public id campaign contacts keep is unchanged
        assertThat(store.find(sent).block().providerId()).isEqualTo("SM-A");
        assertThat(store.find(refused).block().status()).isEqualTo("failed");
    }

    /**
     * A database file written by an earlier version holds outbound messages under ObjectIds (and campaign contacts
     * naming them by hex): the store rewrites them to string ids before its first operation, and they are still
     * found, updated by their provider's callbacks and exported.
     */
    @Test
    void messagesStoredUnderObjectIdsByEarlierVersionsAreRewrittenAndStillFound(@TempDir Path dir) {
        database = TestDatabase.embedded(dir.resolve("sms.mv"));
        ReactiveMongoTemplate mongo = database.template();
        ObjectId legacy = new ObjectId();
        mongo.insert(new Document("_id", legacy).append("direction", "out").append("debtorId", "D-9")
                .append("to", "+573001119999").append("campaignId", "cmp-old").append("purpose", "campaign")
                .append("status", "queued").append("statusRank", 1).append("providerId", "SM-OLD")
                .append("createdAt", Date.from(AT)), "sms_messages").block();
        mongo.insert(new Document("_id", "sid:SM-OLD").append("ref", legacy.toHexString()).append("direction", "pointer")
                .append("statusRank", 0), "sms_messages").block();

        SmsMessageStore store = new SmsMessageStore(mongo);
        assertThat(store.applyStatus("SM-OLD", "delivered", null, AT).block()).isTrue();
        SmsMessageStore.Outbound found = store.find(legacy.toHexString()).block();
        assertThat(found.id()).isEqualTo(legacy.toHexString());
        assertThat(found.status()).isEqualTo("delivered");
        assertThat(found.campaignId()).isEqualTo("cmp-old");
        assertThat(IdTypes.in(mongo, "sms_messages")).containsExactly("String");
        assertThat(store.export("D-9", java.util.List.of()).block().get("smsMessages")).hasSize(1);

        // a second store on the same data (a restart) finds nothing left to rewrite and loses nothing
        assertThat(new SmsMessageStore(mongo).find(legacy.toHexString()).block().status()).isEqualTo("delivered");
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), "sms_messages").block()).isEqualTo(2);
    }
}

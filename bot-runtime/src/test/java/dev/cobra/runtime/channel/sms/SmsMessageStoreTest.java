package dev.cobra.runtime.channel.sms;

import dev.cobra.runtime.persistence.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;

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
}

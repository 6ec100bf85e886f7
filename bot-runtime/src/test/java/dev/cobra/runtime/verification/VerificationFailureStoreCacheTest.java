package dev.cobra.runtime.verification;

import dev.cobra.runtime.persistence.DebtorRecords;
import dev.cobra.runtime.persistence.RecordCache;
import dev.cobra.runtime.persistence.TestDatabase;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The failures read at every identity check are kept by their owner: the copy follows each failure, lock, success
 * and erasure, and a debtor known to have no record is forgotten without a write.
 */
class VerificationFailureStoreCacheTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    @TempDir
    static Path dataDir;
    private static TestDatabase database;

    @BeforeAll
    static void start() {
        database = TestDatabase.embedded(dataDir.resolve("cobra.mv"));
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @Test
    void theKeptRecordFollowsEveryWrite() {
        VerificationFailureStore store = new VerificationFailureStore(database.template(),
                RecordCache.<VerificationFailureStore.Record>ofSize(100));
        VerificationFailureStore plain = new VerificationFailureStore(database.template());
        String id = "D-vf-" + System.nanoTime();

        VerificationFailureStore.Record none = store.find(id).block();
        assertThat(none.failures()).isEmpty();
        assertThat(store.find(id).block()).as("answered from the copy").isSameAs(none);

        store.recordFailure(id, NOW).block();
        assertThat(store.find(id).block().failures()).containsExactly(NOW);
        store.recordFailure(id, NOW.plusSeconds(1)).block();
        assertThat(store.find(id).block().failures()).hasSize(2);

        assertThat(store.lock(id, NOW, NOW.plusSeconds(600)).block()).isTrue();
        assertThat(store.find(id).block().lockedAt(NOW)).isTrue();
        assertThat(store.find(id).block()).isEqualTo(plain.find(id).block());

        store.forget(id).block();
        assertThat(store.find(id).block().failures()).isEmpty();
        assertThat(plain.find(id).block().lockedUntil()).as("the document is gone").isNull();

        store.recordFailure(id, NOW).block();
        store.erase(new DebtorRecords.Erasure(id, "p-" + id, List.of(), List.of(), Set.of())).block();
        assertThat(store.find(id).block().failures()).isEmpty();
    }

    @Test
    void aDebtorKnownToHaveNoRecordIsForgottenWithoutAWrite() {
        VerificationFailureStore store = new VerificationFailureStore(database.template(),
                RecordCache.<VerificationFailureStore.Record>ofSize(100));
        String id = "D-vf-none-" + System.nanoTime();
        store.find(id).block();
        // A document written behind the store's back (nothing does this in the runtime, where the owner is the only
        // writer): a forget that still wrote would delete it; the store trusts its exact copy instead.
        database.template().insert(new Document("_id", id).append("failures", List.of()), "verification_failures")
                .block();
        store.forget(id).block();
        assertThat(database.template().findById(id, Document.class, "verification_failures").block())
                .as("no delete was sent").isNotNull();
    }
}

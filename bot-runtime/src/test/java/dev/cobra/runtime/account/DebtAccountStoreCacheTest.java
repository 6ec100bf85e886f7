package dev.cobra.runtime.account;

import dev.cobra.runtime.persistence.DebtorRecords;
import dev.cobra.runtime.persistence.RecordCache;
import dev.cobra.runtime.persistence.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The debt account is read on every turn with a debt; the copy the store keeps must follow every write of the
 * account (first write, compare-and-set updates, a lost compare-and-set, erasure).
 */
class DebtAccountStoreCacheTest {

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
    void theKeptAccountFollowsEveryWrite() {
        DebtAccountStore store = new DebtAccountStore(database.template(), RecordCache.<AccountRecord>ofSize(100));
        DebtAccountStore plain = new DebtAccountStore(database.template(), RecordCache.<AccountRecord>off());
        String id = "D-acc-" + System.nanoTime();

        AccountRecord empty = store.find(id).block();
        assertThat(store.find(id).block()).as("answered from the copy").isSameAs(empty);

        AccountRecord first = new AccountRecord(id, 1, List.of(new ImportedBalance("L-1", new BigDecimal("100"), NOW)),
                List.of());
        assertThat(store.write(first, 0, NOW).block()).isTrue();
        AccountRecord read = store.find(id).block();
        assertThat(read.version()).isEqualTo(1);
        assertThat(store.find(id).block()).isSameAs(read);

        AccountRecord second = new AccountRecord(id, 2, List.of(new ImportedBalance("L-1", new BigDecimal("60"), NOW)),
                List.of());
        assertThat(store.write(second, 1, NOW).block()).isTrue();
        assertThat(store.find(id).block().imports().get(0).balance()).isEqualByComparingTo("60");

        // Another writer (here: the uncached store) came first; the lost compare-and-set drops the copy anyway.
        store.find(id).block();
        assertThat(plain.write(new AccountRecord(id, 3, List.of(), List.of()), 2, NOW).block()).isTrue();
        assertThat(store.write(new AccountRecord(id, 3, List.of(), List.of()), 2, NOW).block()).isFalse();
        assertThat(store.find(id).block().version()).isEqualTo(3);

        store.erase(new DebtorRecords.Erasure(id, "p-" + id, List.of(), List.of(), Set.of())).block();
        assertThat(store.find(id).block().version()).as("erased: an empty account again").isZero();
    }
}

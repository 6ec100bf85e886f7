package dev.cobra.runtime.persistence;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import reactor.core.publisher.Mono;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Record copies are kept only when this process is the database's only client (the embedded server). */
class RecordCachesTest {

    @Test
    void onWithTheEmbeddedServerOffWithASharedMongoDb() {
        StaticListableBeanFactory none = new StaticListableBeanFactory();
        assertThat(new RecordCaches(none.getBeanProvider(MongoServer.class), 20_000).create().enabled()).isFalse();

        StaticListableBeanFactory embedded = new StaticListableBeanFactory(
                Map.of("embeddedMongoServer", new MongoServer(H2Backend.inMemory())));
        assertThat(new RecordCaches(embedded.getBeanProvider(MongoServer.class), 20_000).create().enabled()).isTrue();
        assertThat(new RecordCaches(embedded.getBeanProvider(MongoServer.class), 0).create().enabled()).isFalse();
    }

    @Test
    void aReadOverlappingAWriteIsNotKept() {
        RecordCache<String> cache = RecordCache.ofSize(10);
        AtomicInteger loads = new AtomicInteger();
        // The write runs while the read is in flight: the value read before it must not be kept.
        String read = cache.read("k", () -> Mono.fromSupplier(() -> {
            cache.written("k", Mono.just("stored")).block();
            loads.incrementAndGet();
            return "old";
        })).block();
        assertThat(read).isEqualTo("old");
        assertThat(cache.peek("k")).isNull();
        assertThat(cache.read("k", () -> Mono.just("new")).block()).isEqualTo("new");
        assertThat(cache.peek("k")).isEqualTo("new");
        assertThat(loads).hasValue(1);
    }

    @Test
    void aReadIsKeptWhenOnlyOtherRecordsWereWrittenMeanwhile() {
        RecordCache<String> cache = RecordCache.ofSize(10);
        // Under load another debtor's write overlaps almost every read: the read must still be kept.
        String read = cache.read("debtor-1", () -> Mono.fromSupplier(() -> {
            cache.written("debtor-2", Mono.just("other")).block();
            return "one";
        })).block();
        assertThat(read).isEqualTo("one");
        assertThat(cache.peek("debtor-1")).isEqualTo("one");
    }
}

package dev.cobra.runtime.persistence;

import de.bwaldvogel.mongo.MongoServer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Hands collection owners their {@link RecordCache}: enabled (bounded, {@code bot.record-cache.size} records per
 * owner, 20,000 by default) only with the embedded database, where this process is the only client and the owner
 * sees every write; off with a shared MongoDB ({@code spring.data.mongodb.uri}), where another instance may write.
 */
@Component
public class RecordCaches {

    private final long size;

    @org.springframework.beans.factory.annotation.Autowired
    RecordCaches(ObjectProvider<MongoServer> embeddedServer, @Value("${bot.record-cache.size:20000}") long size) {
        this.size = embeddedServer.getIfAvailable() == null ? 0 : Math.max(0, size);
    }

    private RecordCaches(long size) {
        this.size = size;
    }

    /** For tests: caches of {@code size} records whatever the database. */
    public static RecordCaches ofSize(long size) {
        return new RecordCaches(size);
    }

    public <V> RecordCache<V> create() {
        return new RecordCache<>(size);
    }
}

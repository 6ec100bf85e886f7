package dev.cobra.runtime.persistence;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The embedded database backend, made durable per acknowledged write.
 *
 * <p>Implementation notes. mongo-java-server's H2 backend writes into an MVStore whose background thread commits
 * to the file about once a second; a write the client already saw acknowledged can therefore be lost by
 * {@code kill -9} or a crash within that second. Here every command that changed the store is committed
 * <em>before</em> its reply is sent, so an acknowledged write is in the file (handed to the operating system,
 * which keeps it across a process crash; an OS crash or power loss may still lose the last writes, since the
 * file is not fsynced per write). The background thread stays on for housekeeping (chunk compaction).
 *
 * <p>Concurrent commands commit under MVStore's store lock: whoever commits first also writes the others'
 * changes, so commits batch themselves under load. Costs measured on the 2-core dev machine are in
 * docs/operator-guide.md ("Durability").
 *
 * <p>Writes are also serialised here (reads share a read lock), and replies are copied under the lock.
 * mongo-java-server 1.47 applies each update atomically, but findAndModify replies with the stored document
 * object itself, encoded after the command returns: a concurrent update to the same document changes the reply
 * in flight. Eight concurrent
 * {@code findOneAndUpdate($inc)} on one document returned the same value twice in most of 30 rounds
 * (EmbeddedAtomicityTest, 2026-11-23). Cobra's counters (flow versions, message sequence numbers) depend on that
 * post-image, as MongoDB guarantees it; one lock around write commands plus a deep copy of the reply gives the
 * embedded server the same guarantee; reads take the shared side of the lock so that no reply is encoded while a
 * write changes the documents it holds.
 */
final class DurableH2Backend extends H2Backend {

    /** Commands that change data; everything else (find, count, aggregate without $out...) reads. */
    private static final Set<String> WRITE_COMMANDS = Set.of("insert", "update", "delete", "findandmodify",
            "create", "drop", "dropdatabase", "createindexes", "dropindexes", "renamecollection");

    private final MVStore store;
    private final boolean durableWrites;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    private DurableH2Backend(MVStore store, boolean durableWrites) {
        super(store);
        this.store = store;
        this.durableWrites = durableWrites;
    }

    /** Opens (or creates) the store file; {@code durableWrites=false} keeps H2's one-second commit delay. */
    static DurableH2Backend open(Path file, boolean durableWrites) {
        MVStore store = new MVStore.Builder().fileName(file.toString()).open();
        return new DurableH2Backend(store, durableWrites);
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        return serialisedIfWrite(command, () -> super.handleCommand(channel, database, command, query));
    }

    /** Modern drivers send OP_MSG, which arrives here rather than through {@link #handleCommand}. */
    @Override
    public Document handleMessage(MongoMessage message) {
        Document body = message.getDocument();
        String command = body == null || body.isEmpty() ? null : body.keySet().iterator().next();
        return serialisedIfWrite(command, () -> super.handleMessage(message));
    }

    private Document serialisedIfWrite(String command, Supplier<Document> handler) {
        boolean write = command != null && WRITE_COMMANDS.contains(command.toLowerCase(Locale.ROOT));
        Lock held = write ? lock.writeLock() : lock.readLock();
        held.lock();
        try {
            Document response = handler.get();
            // The reply is encoded after we return and may hold stored documents themselves (findAndModify's
            // post-image, a find's first batch), which the next write mutates in place: copy it under the lock.
            return response == null ? null : response.cloneDeeply();
        } finally {
            try {
                if (write) {
                    commitIfChanged();
                }
            } finally {
                held.unlock();
            }
        }
    }

    private void commitIfChanged() {
        if (durableWrites && store.hasUnsavedChanges() && !store.isClosed()) {
            store.commit();
        }
    }
}

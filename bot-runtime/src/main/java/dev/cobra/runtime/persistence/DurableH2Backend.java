package dev.cobra.runtime.persistence;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import io.netty.channel.Channel;
import de.bwaldvogel.mongo.exception.MongoServerError;
import org.h2.mvstore.MVStore;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
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
 * <p>Group commit: a write is applied under the write lock, then its thread waits until a commit covers it.
 * The first waiting thread commits everything applied so far (holding the read lock, so no write is being
 * applied and no half-applied command is ever in the file, while reads go on); the threads that queued behind it find their writes already committed and
 * answer at once. Under load one commit therefore covers many writes: a commit re-serialises every dirty page
 * (documents as BSON since {@link EmbeddedDocumentType}; Java serialisation before), which is what limited
 * throughput when each write committed alone (docs/benchmarks.md, load harness). Costs measured on the 2-core dev machine are in
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
 *
 * <p>Public for the load harness's bare baseline, which stores on the same engine.
 */
public final class DurableH2Backend extends H2Backend {

    private static final java.util.Set<String> HANDSHAKES = java.util.Set.of("hello", "ismaster");
    private volatile String clientKey;
    private final java.util.Set<Channel> admitted = java.util.concurrent.ConcurrentHashMap.newKeySet();


    /** Commands that change data; everything else (find, count, aggregate without $out...) reads. */
    private static final Set<String> WRITE_COMMANDS = Set.of("insert", "update", "delete", "findandmodify",
            "create", "drop", "dropdatabase", "createindexes", "dropindexes", "renamecollection");

    private final MVStore store;
    private final boolean durableWrites;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    /** Write commands applied so far; only changed under the write lock. */
    private final AtomicLong writesApplied = new AtomicLong();
    /** Serialises committers; guards {@link #writesCommitted}. */
    private final Object commitMonitor = new Object();
    private long writesCommitted;

    private DurableH2Backend(MVStore store, boolean durableWrites) {
        super(store);
        this.store = store;
        this.durableWrites = durableWrites;
    }

    /** Collections store BSON and read single documents by id: see {@link EmbeddedDatabase}. */
    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        // Called from H2Backend's constructor too (for the databases already in the file): use no own field here.
        return EmbeddedDatabase.open(databaseName, getMvStore(), getCursorRegistry(), this::workQueues);
    }

    /** The work queues the collection owners declared (none until {@link #workQueues(EmbeddedQueues)}). */
    private volatile EmbeddedQueues workQueues;

    private EmbeddedQueues workQueues() {
        return workQueues;
    }

    /** Where the collections find the owners' work queues ({@link WorkQueues}), which they index in memory. */
    DurableH2Backend workQueues(EmbeddedQueues queues) {
        this.workQueues = queues;
        return this;
    }

    /** Opens (or creates) the store file; {@code durableWrites=false} keeps H2's one-second commit delay. */
    public static DurableH2Backend open(Path file, boolean durableWrites) {
        MVStore store = new MVStore.Builder().fileName(file.toString()).open();
        return new DurableH2Backend(store, durableWrites);
    }

    /**
     * Admits only connections whose handshake names {@code key} as the driver's application name (the runtime's
     * connection string carries it as {@code appName}); any other local process that finds the loopback port gets
     * {@code Unauthorized} for everything but the handshake itself. Null (tests, tools) leaves the server open.
     */
    public DurableH2Backend requireClientKey(String key) {
        this.clientKey = key;
        return this;
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        admit(channel, command, query);
        return serialisedIfWrite(command, () -> super.handleCommand(channel, database, command, query));
    }

    /** Modern drivers send OP_MSG, which arrives here rather than through {@link #handleCommand}. */
    @Override
    public Document handleMessage(MongoMessage message) {
        Document body = message.getDocument();
        String command = body == null || body.isEmpty() ? null : body.keySet().iterator().next();
        admit(message.getChannel(), command, body);
        return serialisedIfWrite(command, () -> super.handleMessage(message));
    }

    @Override
    public void handleClose(Channel channel) {
        admitted.remove(channel);
        super.handleClose(channel);
    }

    private void admit(Channel channel, String command, Document body) {
        String key = clientKey;
        if (key == null || channel == null || admitted.contains(channel)) {
            return;
        }
        boolean handshake = command != null && HANDSHAKES.contains(command.toLowerCase(Locale.ROOT));
        if (handshake) {
            if (body != null && body.get("client") instanceof Document client
                    && client.get("application") instanceof Document application
                    && key.equals(application.get("name"))) {
                admitted.add(channel);
            }
            return; // the handshake is answered either way: it reveals nothing
        }
        throw new MongoServerError(13, "Unauthorized", "this embedded database only serves the Cobra process that started it");
    }

    private Document serialisedIfWrite(String command, Supplier<Document> handler) {
        boolean write = command != null && WRITE_COMMANDS.contains(command.toLowerCase(Locale.ROOT));
        Lock held = write ? lock.writeLock() : lock.readLock();
        Document reply;
        long writeNumber = 0;
        held.lock();
        try {
            Document response = handler.get();
            // The reply is encoded after we return and may hold stored documents themselves (findAndModify's
            // post-image, a find's first batch), which the next write mutates in place: copy it under the lock.
            reply = response == null ? null : response.cloneDeeply();
        } finally {
            if (write) {
                writeNumber = writesApplied.incrementAndGet();
            }
            held.unlock();
        }
        // handleMessage nests handleCommand: only the outermost call waits (it still holds the write lock when
        // the nested one returns, and waiting for the commit while holding it would deadlock with a committer).
        if (write && !lock.isWriteLockedByCurrentThread()) {
            awaitCommitted(writeNumber);
        }
        return reply;
    }

    /** Returns once a commit has covered write number {@code writeNumber}, committing if nobody has yet. */
    private void awaitCommitted(long writeNumber) {
        if (!durableWrites) {
            return;
        }
        synchronized (commitMonitor) {
            if (writesCommitted >= writeNumber) {
                return; // another thread's commit already wrote this change
            }
            // The shared side is enough: it keeps writers out (no half-applied command gets into the file) and
            // lets reads go on while the dirty pages are serialised.
            lock.readLock().lock();
            try {
                long covered = writesApplied.get();
                if (store.hasUnsavedChanges() && !store.isClosed()) {
                    store.commit();
                }
                writesCommitted = covered;
            } finally {
                lock.readLock().unlock();
            }
        }
    }
}

package dev.cobra.runtime.metrics;

import com.mongodb.RequestContext;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.reactivestreams.client.ReactiveContextProvider;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.BsonValue;
import org.reactivestreams.Subscriber;
import reactor.core.CoreSubscriber;
import reactor.util.context.ContextView;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Counts every command the MongoDB driver sends ({@value #COMMANDS}, tagged with the command and its collection)
 * and adds it to the {@link TurnCommandCount} of the turn that sent it. It replaces Spring Boot's command
 * listener, which starts and records a timer with five tags per command: here a command costs one map lookup
 * and two increments, and the only timer of a turn is its latency ({@link MeteredTurnHandler}).
 *
 * <p>The turn is found through the driver's request context: {@link #getContext} copies the Reactor context of the
 * subscriber of each operation, where {@link MeteredTurnHandler} put the turn's count.
 */
final class DatabaseCommandMetrics implements CommandListener, ReactiveContextProvider {

    static final String COMMANDS = "cobra.db.commands";

    /** Commands whose first field names the collection (the driver's own list, as Spring Boot uses it). */
    private static final Set<String> NAMING_A_COLLECTION = Set.of("aggregate", "count", "distinct", "mapReduce",
            "geoSearch", "delete", "find", "findAndModify", "insert", "update", "collMod", "compact", "convertToCapped",
            "create", "createIndexes", "drop", "dropIndexes", "killCursors", "listIndexes", "reIndex", "getMore");

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    DatabaseCommandMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        String command = event.getCommandName();
        String collection = collection(event, command);
        counters.computeIfAbsent(command + ' ' + collection, key -> Counter.builder(COMMANDS)
                .description("Commands sent to MongoDB").tag("command", command).tag("collection", collection)
                .register(registry)).increment();
        RequestContext context = event.getRequestContext();
        if (context != null) {
            TurnCommandCount turn = context.getOrDefault(TurnCommandCount.class, null);
            if (turn != null) {
                turn.increment();
            }
        }
    }

    private static String collection(CommandStartedEvent event, String command) {
        if (!NAMING_A_COLLECTION.contains(command)) {
            return "none";
        }
        BsonValue value = event.getCommand().get(command);
        return value != null && value.isString() ? value.asString().getValue() : "none";
    }

    @Override
    public RequestContext getContext(Subscriber<?> subscriber) {
        if (subscriber instanceof CoreSubscriber<?> core) {
            ContextView view = core.currentContext();
            TurnCommandCount turn = view.getOrDefault(TurnCommandCount.class, null);
            if (turn != null) {
                return new TurnContext(turn);
            }
        }
        return null;
    }

    /** A request context that carries only the turn's count (all the listener reads). */
    private record TurnContext(TurnCommandCount turn) implements RequestContext {

        @Override
        @SuppressWarnings("unchecked")
        public <T> T get(Object key) {
            if (key == TurnCommandCount.class) {
                return (T) turn;
            }
            throw new java.util.NoSuchElementException(String.valueOf(key));
        }

        @Override
        public boolean hasKey(Object key) {
            return key == TurnCommandCount.class;
        }

        @Override
        public boolean isEmpty() {
            return false;
        }

        // The driver only reads a request context (to hand it to command listeners); nothing may change the count's
        // owner mid-turn, so writes are refused rather than silently dropped.
        @Override
        public void put(Object key, Object value) {
            throw new UnsupportedOperationException("read-only");
        }

        @Override
        public void delete(Object key) {
            throw new UnsupportedOperationException("read-only");
        }

        @Override
        public int size() {
            return 1;
        }

        @Override
        public Stream<Map.Entry<Object, Object>> stream() {
            return Stream.of(Map.entry(TurnCommandCount.class, turn));
        }
    }
}

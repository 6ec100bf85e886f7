package dev.cobra.runtime.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import org.bson.Document;
import org.bson.conversions.Bson;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Reads what the runtime stored, straight from the database (bypassing any cut connection). */
final class DatabaseReader implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final MongoClient client;
    private final String database;

    DatabaseReader(String uri, String database) {
        this.client = MongoClients.create(uri);
        this.database = database;
    }

    List<Document> find(String collection, Bson filter) {
        return Flux.from(client.getDatabase(database).getCollection(collection).find(filter)).collectList().block(TIMEOUT);
    }

    long count(String collection) {
        return Mono.from(client.getDatabase(database).getCollection(collection).countDocuments()).block(TIMEOUT);
    }

    /** The conversation of a WhatsApp user (by phone): its message log, oldest first, as "from:text". */
    List<String> whatsappTranscript(String phone) {
        List<Document> conversations = find("conversations", Filters.and(Filters.eq("channel", "whatsapp"),
                Filters.eq("externalUserId", phone)));
        return conversations.stream().flatMap(c -> Flux.from(client.getDatabase(database).getCollection("messages")
                        .find(Filters.eq("conversationId", c.get("_id"))).sort(Sorts.ascending("seq")))
                        .map(m -> m.getString("from") + ":" + m.getString("text")).toStream())
                .toList();
    }

    /** How many messages the Graph API received per recipient. */
    static Map<String, Long> sendsPerRecipient(List<JsonNode> graphBodies) {
        return graphBodies.stream().collect(Collectors.groupingBy(b -> b.path("to").asText(""), Collectors.counting()));
    }

    @Override
    public void close() {
        client.close();
    }
}

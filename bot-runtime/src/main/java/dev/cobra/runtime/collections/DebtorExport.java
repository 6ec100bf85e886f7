package dev.cobra.runtime.collections;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A debtor's data as one JSON document (GDPR access / portability): the portfolio record without the document
 * hash, conversations with their transcripts, promises, plan requests, payments, payment links and events. Webchat
 * link tokens are left out (they are credentials).
 */
@Component
public class DebtorExport {

    private static final JsonWriterSettings JSON = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

    private final ReactiveMongoTemplate mongo;
    private final ObjectMapper mapper;

    public DebtorExport(ReactiveMongoTemplate mongo, ObjectMapper mapper) {
        this.mongo = mongo;
        this.mapper = mapper;
    }

    /** Empty when no debtor has this id. */
    public Mono<Map<String, Object>> export(String debtorId) {
        return mongo.findById(debtorId, Document.class, "debtors").flatMap(debtor -> {
            debtor.remove("documentHash");
            Query byDebtor = Query.query(Criteria.where("debtorId").is(debtorId));
            return mongo.find(byDebtor, Document.class, "conversations").collectList().flatMap(conversations -> {
                List<String> ids = conversations.stream().map(c -> c.getString("_id")).toList();
                Map<String, Mono<List<JsonNode>>> parts = new LinkedHashMap<>();
                parts.put("conversations", Flux.fromIterable(conversations).map(this::json).collectList());
                parts.put("messages", list(Query.query(Criteria.where("conversationId").in(ids)), "messages"));
                parts.put("promises", list(byDebtor, PromiseStore.COLLECTION));
                parts.put("planRequests", list(byDebtor, "plan_requests"));
                parts.put("payments", list(byDebtor, "payments"));
                parts.put("paymentLinks", list(byDebtor, "payment_links"));
                parts.put("events", list(byDebtor, "conversation_events"));
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("debtor", json(debtor));
                return Flux.fromIterable(parts.entrySet())
                        .concatMap(e -> e.getValue().doOnNext(v -> out.put(e.getKey(), v)))
                        .then(Mono.just(out));
            });
        });
    }

    private Mono<List<JsonNode>> list(Query query, String collection) {
        return mongo.find(query, Document.class, collection).map(this::json).collectList();
    }

    private JsonNode json(Document doc) {
        try {
            return mapper.readTree(doc.toJson(JSON));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

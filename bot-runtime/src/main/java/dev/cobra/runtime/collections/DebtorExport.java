package dev.cobra.runtime.collections;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cobra.runtime.conversation.state.ConversationStore;
import dev.cobra.runtime.persistence.DebtorRecords;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A debtor's data as one JSON document (GDPR access / portability), collected from every store that holds records
 * about debtors ({@link DebtorRecords#export}): the portfolio record without the document hash, conversations with
 * their transcripts, promises, plan requests, payments, payment links, events and the debt account. Webchat link
 * tokens are left out (they are credentials).
 */
@Component
public class DebtorExport {

    private static final JsonWriterSettings JSON = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

    private final List<DebtorRecords> stores;
    private final ConversationStore conversations;
    private final ObjectMapper mapper;

    public DebtorExport(List<DebtorRecords> stores, ConversationStore conversations, ObjectMapper mapper) {
        this.stores = stores;
        this.conversations = conversations;
        this.mapper = mapper;
    }

    /** Empty when no debtor has this id. */
    public Mono<Map<String, Object>> export(String debtorId) {
        return conversations.findByDebtor(debtorId).map(c -> c.id()).collectList()
                .flatMap(ids -> Flux.fromIterable(stores).concatMap(s -> s.export(debtorId, ids)).collectList())
                .flatMap(parts -> {
                    Map<String, List<Document>> merged = new TreeMap<>();
                    parts.forEach(p -> p.forEach((k, v) -> merged.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v)));
                    List<Document> debtor = merged.remove("debtor");
                    if (debtor == null || debtor.isEmpty()) {
                        return Mono.empty();
                    }
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("debtor", json(debtor.get(0)));
                    merged.forEach((k, v) -> out.put(k, v.stream().map(this::json).toList()));
                    return Mono.just(out);
                });
    }

    private JsonNode json(Document doc) {
        try {
            return mapper.readTree(doc.toJson(JSON));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

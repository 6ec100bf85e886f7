package dev.cobra.runtime.conversation.state;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.reactivestreams.client.MongoCollection;
import dev.cobra.runtime.conversation.message.Reply;
import dev.cobra.runtime.persistence.CoalescingWriter;
import dev.cobra.runtime.persistence.CollectionOwner;
import dev.cobra.runtime.persistence.DebtorRecords;
import dev.cobra.runtime.persistence.ErasureSweep;
import dev.cobra.runtime.persistence.SecondaryIndexes;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * The append-only {@code messages} collection: what the debtor, the bot and agents said, per conversation, in
 * order. The document id is {@code <conversationId>:<seq>}, so an entry can never be written twice; seqs are
 * allocated by the conversation write ({@link ConversationState#messageSeq()}), so they are gap-free and in
 * turn order. Whoever produces a message logs it: the turn handler logs debtor and bot messages, the agent
 * side logs agent messages (with {@link #append}).
 */
@Component
@CollectionOwner("messages")
public class MessageLog implements DebtorRecords, SecondaryIndexes {

    private static final String COLLECTION = "messages";

    private final Mono<MongoCollection<Document>> collection;
    /** Concurrent turns' transcript lines, one insert command per batch. */
    private final CoalescingWriter appends;

    private final ReactiveMongoTemplate mongo;

    public MessageLog(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
        this.collection = mongo.getCollection(COLLECTION).cache();
        this.appends = new CoalescingWriter(collection);
    }

    public Mono<Void> append(List<TranscriptEntry> entries) {
        if (entries.isEmpty()) {
            return Mono.empty();
        }
        return appends.insert(documents(entries));
    }

    /**
     * Writes the entries that are not logged yet (finishing a turn cut short by a crash): the ids are the
     * entries' {@code <conversation>:<seq>}, so the ones already written are duplicates and skipped.
     */
    public Mono<Void> appendMissing(List<TranscriptEntry> entries) {
        if (entries.isEmpty()) {
            return Mono.empty();
        }
        List<Document> docs = documents(entries);
        return collection.flatMap(c -> Mono.from(c.insertMany(docs, new InsertManyOptions().ordered(false))))
                .onErrorResume(MessageLog::onlyDuplicates, e -> Mono.empty())
                .then();
    }

    static List<Document> documents(List<TranscriptEntry> entries) {
        List<Document> docs = new ArrayList<>(entries.size());
        entries.forEach(e -> docs.add(toDocument(e)));
        return docs;
    }

    private static boolean onlyDuplicates(Throwable error) {
        return error instanceof MongoBulkWriteException bulk && bulk.getWriteErrors().stream()
                .allMatch(e -> ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY);
    }

    /**
     * Logs messages produced outside a bot turn (an agent's), reserving their seqs on the conversation first.
     *
     * @return the logged entries
     */
    public Mono<List<TranscriptEntry>> appendOutsideTurn(ConversationStore store, String conversationId, String from,
                                                         List<Reply> replies, java.time.Instant at) {
        if (replies.isEmpty()) {
            return Mono.just(List.of());
        }
        return store.allocateSeqs(conversationId, replies.size())
                .map(first -> entries(conversationId, first, from, replies, at))
                .flatMap(entries -> append(entries).thenReturn(entries));
    }

    /** The whole transcript, oldest first. */
    public Flux<TranscriptEntry> transcript(String conversationId) {
        return collection.flatMapMany(c -> Flux.from(c.find(Filters.eq("conversationId", conversationId))
                        .sort(Sorts.ascending("seq"))))
                .map(MessageLog::fromDocument);
    }

    static Document toDocument(TranscriptEntry e) {
        Document doc = new Document("_id", e.conversationId() + ":" + e.seq())
                .append("conversationId", e.conversationId())
                .append("seq", e.seq())
                .append("from", e.from())
                .append("type", e.type())
                .append("text", e.text());
        if (e.options() != null) {
            List<Document> options = new ArrayList<>();
            for (Reply.Option o : e.options()) {
                options.add(new Document("id", o.id()).append("title", o.title()).append("description", o.description()));
            }
            doc.append("options", options);
        }
        if (e.media() != null) {
            doc.append("media", new Document("type", e.media().type()).append("url", e.media().url())
                    .append("filename", e.media().filename()));
        }
        return doc.append("at", ConversationDocuments.date(e.at()));
    }

    static TranscriptEntry fromDocument(Document doc) {
        List<Reply.Option> options = null;
        List<Document> raw = doc.getList("options", Document.class);
        if (raw != null) {
            options = new ArrayList<>();
            for (Document o : raw) {
                options.add(new Reply.Option(o.getString("id"), o.getString("title"), o.getString("description")));
            }
        }
        Document media = doc.get("media", Document.class);
        return new TranscriptEntry(doc.getString("conversationId"), ConversationDocuments.number(doc.get("seq")).longValue(),
                doc.getString("from"), doc.getString("type"), doc.getString("text"), options,
                media == null ? null : new Reply.Media(media.getString("type"), media.getString("url"),
                        media.getString("filename")),
                ConversationDocuments.instant(doc.get("at")));
    }

    /** Convenience for callers holding replies: entries numbered from {@code firstSeq}. */
    public static List<TranscriptEntry> entries(String conversationId, long firstSeq, String from, List<Reply> replies,
                                                java.time.Instant at) {
        List<TranscriptEntry> result = new ArrayList<>(replies.size());
        long seq = firstSeq;
        for (Reply reply : replies) {
            result.add(TranscriptEntry.of(conversationId, seq++, from, reply, at));
        }
        return result;
    }

    /** Retention: deletes the entries logged before {@code cutoff}; how many. */
    public Mono<Long> deleteBefore(Instant cutoff) {
        return mongo.remove(Query.query(Criteria.where("at").lt(Date.from(cutoff))), COLLECTION)
                .map(r -> r.getDeletedCount());
    }

    @Override
    public Map<String, List<Index>> secondaryIndexes() {
        return Map.of(COLLECTION, List.of(new Index().on("conversationId", org.springframework.data.domain.Sort.Direction.ASC)
                .on("seq", org.springframework.data.domain.Sort.Direction.ASC)));
    }

    /** The transcripts lose their texts; the lines stay (who spoke when) for the KPIs. */
    @Override
    public Mono<Map<String, Long>> erase(Erasure e) {
        return mongo.updateMulti(Query.query(Criteria.where("conversationId").in(e.conversationIds())),
                        new Update().set("text", ErasureSweep.ERASED).unset("options").unset("media"), COLLECTION)
                .flatMap(r -> ErasureSweep.sweep(mongo, COLLECTION, e).map(n -> r.getModifiedCount() + n))
                .map(n -> ErasureSweep.counted(Map.of(), COLLECTION, n));
    }

    @Override
    public Mono<Map<String, List<Document>>> export(String debtorId, List<String> conversationIds) {
        return mongo.find(Query.query(Criteria.where("conversationId").in(conversationIds)), Document.class, COLLECTION)
                .collectList().map(list -> Map.of("messages", list));
    }
}

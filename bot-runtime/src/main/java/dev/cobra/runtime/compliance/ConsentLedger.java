package dev.cobra.runtime.compliance;

import dev.cobra.runtime.debtor.DebtorDirectory;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.Date;

/**
 * The consent ledger (collection {@value #COLLECTION}): every opt-in and opt-out recorded by staff or the creditor's
 * systems, with channel, evidence, source and time, insert-only. The debtor's current consent (embedded in the
 * debtor document, what the policy engine reads) follows the ledger:
 * <ul>
 *   <li>an opt-out withdraws consent on every channel at once and sets the debtor's opted-out flag
 *       ({@link DebtorDirectory#optOut}, the same path as the conversation's opt-out keywords);</li>
 *   <li>an opt-in records consent for its channel and is the only thing that lifts the opted-out flag; the other
 *       channels stay withdrawn until they get an opt-in of their own.</li>
 * </ul>
 */
public class ConsentLedger {

    public static final String COLLECTION = "consent_ledger";
    /** The portfolio's collection; its consent fields are updated here on an opt-in. */
    static final String DEBTORS = "debtors";

    private static final Logger log = LoggerFactory.getLogger(ConsentLedger.class);

    public record Entry(String id, String debtorId, String channel, boolean optedIn, String evidence, String source,
                        Instant at, String recordedBy) {
    }

    private final ReactiveMongoTemplate mongo;
    private final DebtorDirectory debtors;

    public ConsentLedger(ReactiveMongoTemplate mongo, DebtorDirectory debtors) {
        this.mongo = mongo;
        this.debtors = debtors;
    }

    /** Records the entry and applies it to the debtor; empty when there is no such debtor (nothing stored). */
    public Mono<Entry> record(Entry entry) {
        return debtors.findById(entry.debtorId())
                .flatMap(debtor -> mongo.insert(toDocument(entry), COLLECTION))
                .flatMap(stored -> apply(entry).thenReturn(toEntry(stored)))
                .doOnNext(saved -> log.info("consent.recorded debtorId={} channel={} optedIn={}", saved.debtorId(),
                        saved.channel(), saved.optedIn()));
    }

    public Flux<Entry> history(String debtorId) {
        return mongo.find(Query.query(Criteria.where("debtorId").is(debtorId)).with(Sort.by("at", "_id")),
                Document.class, COLLECTION).map(ConsentLedger::toEntry);
    }

    private Mono<Void> apply(Entry entry) {
        if (!entry.optedIn()) {
            return debtors.optOut(entry.debtorId(), entry.channel(), entry.at());
        }
        Update update = new Update()
                .set("consent." + entry.channel(), new Document("optedIn", true).append("at", Date.from(entry.at()))
                        .append("source", entry.source()).append("evidence", entry.evidence()))
                .set("optedOut", false)
                .set("optedInAgainAt", Date.from(entry.at()));
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(entry.debtorId())), update, DEBTORS).then();
    }

    private static Document toDocument(Entry entry) {
        return new Document("_id", new ObjectId()).append("debtorId", entry.debtorId())
                .append("channel", entry.channel()).append("optedIn", entry.optedIn())
                .append("evidence", entry.evidence()).append("source", entry.source())
                .append("at", Date.from(entry.at())).append("recordedBy", entry.recordedBy());
    }

    private static Entry toEntry(Document doc) {
        return new Entry(doc.getObjectId("_id").toHexString(), doc.getString("debtorId"), doc.getString("channel"),
                Boolean.TRUE.equals(doc.getBoolean("optedIn")), doc.getString("evidence"), doc.getString("source"),
                doc.getDate("at").toInstant(), doc.getString("recordedBy"));
    }
}

package dev.cobra.runtime.compliance;

import dev.cobra.runtime.debtor.DebtorDirectory;
import dev.cobra.runtime.debtor.DebtorStore;
import dev.cobra.runtime.persistence.CollectionOwner;
import dev.cobra.runtime.persistence.DebtorRecords;
import dev.cobra.runtime.persistence.ErasureSweep;
import dev.cobra.runtime.persistence.SecondaryIndexes;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

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
@CollectionOwner("consent_ledger")
public class ConsentLedger implements DebtorRecords, SecondaryIndexes {

    private static final String COLLECTION = "consent_ledger";

    private static final Logger log = LoggerFactory.getLogger(ConsentLedger.class);

    public record Entry(String id, String debtorId, String channel, boolean optedIn, String evidence, String source,
                        Instant at, String recordedBy) {
    }

    private final ReactiveMongoTemplate mongo;
    private final DebtorDirectory debtors;
    private final DebtorStore portfolio;

    public ConsentLedger(ReactiveMongoTemplate mongo, DebtorDirectory debtors, DebtorStore portfolio) {
        this.mongo = mongo;
        this.debtors = debtors;
        this.portfolio = portfolio;
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
        return portfolio.recordOptIn(entry.debtorId(), entry.channel(), entry.at(), entry.source(), entry.evidence());
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

    /** The ledger is evidence of consent: kept under the pseudonym, without personal data. */
    @Override
    public Mono<Map<String, Long>> erase(Erasure e) {
        return ErasureSweep.sweepReported(mongo, COLLECTION, e);
    }

    @Override
    public Map<String, List<Index>> secondaryIndexes() {
        return Map.of(COLLECTION, List.of(new Index().on("debtorId", Sort.Direction.ASC)));
    }
}

package dev.cobra.runtime.account;

import dev.cobra.runtime.persistence.CollectionOwner;
import dev.cobra.runtime.persistence.DebtorRecords;
import dev.cobra.runtime.persistence.ErasureSweep;
import dev.cobra.runtime.persistence.RecordCache;
import dev.cobra.runtime.persistence.RecordCaches;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Debt accounts ({@code debt_accounts}): one document per debtor ({@code _id} = debtor id, so the lookup on every
 * turn is a read by id) with the imported balances and the payments applied. A change is a compare-and-set on
 * {@code version}: {@link DebtAccounts} reads, decides and writes, and retries when another writer came first.
 */
@Component
@CollectionOwner("debt_accounts")
public class DebtAccountStore implements DebtorRecords {

    private static final String COLLECTION = "debt_accounts";

    private final ReactiveMongoTemplate mongo;
    /** This process's copies of accounts (read on every turn with a debt); see {@link RecordCache}. */
    private final RecordCache<AccountRecord> copies;

    public DebtAccountStore(ReactiveMongoTemplate mongo) {
        this(mongo, RecordCache.off());
    }

    @org.springframework.beans.factory.annotation.Autowired
    public DebtAccountStore(ReactiveMongoTemplate mongo, RecordCaches caches) {
        this(mongo, caches.<AccountRecord>create());
    }

    DebtAccountStore(ReactiveMongoTemplate mongo, RecordCache<AccountRecord> copies) {
        this.mongo = mongo;
        this.copies = copies;
    }

    /** The debtor's account; an empty one (version 0) when nothing was recorded yet. */
    public Mono<AccountRecord> find(String debtorId) {
        return copies.read(debtorId, () -> mongo.findById(debtorId, Document.class, COLLECTION)
                .map(DebtAccountStore::fromDocument)
                .defaultIfEmpty(AccountRecord.empty(debtorId)));
    }

    /** Writes {@code next} if the stored version is still {@code expected}; false when another writer came first. */
    Mono<Boolean> write(AccountRecord next, long expected, Instant now) {
        List<Document> imports = next.imports().stream().map(DebtAccountStore::toDocument).toList();
        List<Document> payments = next.payments().stream().map(DebtAccountStore::toDocument).toList();
        if (expected == 0) {
            Document doc = new Document("_id", next.debtorId()).append("version", 1L).append("imports", imports)
                    .append("payments", payments).append("updatedAt", Date.from(now));
            return copies.written(next.debtorId(), mongo.insert(doc, COLLECTION)).thenReturn(true)
                    .onErrorResume(DuplicateKeyException.class, e -> Mono.just(false));
        }
        Query query = Query.query(Criteria.where("_id").is(next.debtorId()).and("version").is(expected));
        Update update = new Update().set("imports", imports).set("payments", payments).set("version", expected + 1)
                .set("updatedAt", Date.from(now));
        return copies.written(next.debtorId(), mongo.updateFirst(query, update, COLLECTION))
                .map(r -> r.getMatchedCount() == 1);
    }

    /**
     * The document is keyed by the debtor id and holds nothing the aggregates need (payments stay in
     * {@code payments} under the pseudonym): it is deleted.
     */
    @Override
    public Mono<Map<String, Long>> erase(Erasure e) {
        return copies.written(e.debtorId(), mongo.remove(Query.query(Criteria.where("_id").is(e.debtorId())), COLLECTION))
                .map(r -> ErasureSweep.counted(Map.of(), COLLECTION, r.getDeletedCount()));
    }

    @Override
    public Mono<Map<String, List<Document>>> export(String debtorId, List<String> conversationIds) {
        return mongo.findById(debtorId, Document.class, COLLECTION).map(doc -> Map.of("account", List.of(doc)));
    }

    private static Document toDocument(ImportedBalance b) {
        return new Document("debtId", b.debtId()).append("balance", b.balance() == null ? null : b.balance().toPlainString())
                .append("since", b.since() == null ? null : Date.from(b.since()));
    }

    private static Document toDocument(AccountPayment p) {
        return new Document("reference", p.reference()).append("amount", p.amount().toPlainString())
                .append("currency", p.currency()).append("paidAt", date(p.paidAt())).append("recordedAt", date(p.recordedAt()))
                .append("source", p.source()).append("reversed", p.reversed())
                .append("allocations", p.allocations().stream().map(a -> new Document("debtId", a.debtId())
                        .append("amount", a.amount().toPlainString())).toList());
    }

    private static AccountRecord fromDocument(Document doc) {
        List<ImportedBalance> imports = doc.getList("imports", Document.class, List.of()).stream()
                .map(d -> new ImportedBalance(d.getString("debtId"), decimal(d.getString("balance")), instant(d.getDate("since"))))
                .toList();
        List<AccountPayment> payments = doc.getList("payments", Document.class, List.of()).stream()
                .map(d -> new AccountPayment(d.getString("reference"), decimal(d.getString("amount")), d.getString("currency"),
                        instant(d.getDate("paidAt")), instant(d.getDate("recordedAt")), d.getString("source"),
                        Boolean.TRUE.equals(d.getBoolean("reversed")),
                        d.getList("allocations", Document.class, List.of()).stream()
                                .map(a -> new AccountPayment.Allocation(a.getString("debtId"), decimal(a.getString("amount"))))
                                .toList()))
                .toList();
        Object version = doc.get("version");
        return new AccountRecord(doc.getString("_id"), version instanceof Number n ? n.longValue() : 1L, imports, payments);
    }

    private static BigDecimal decimal(String value) {
        return value == null ? null : new BigDecimal(value);
    }

    private static Date date(Instant at) {
        return at == null ? null : Date.from(at);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}

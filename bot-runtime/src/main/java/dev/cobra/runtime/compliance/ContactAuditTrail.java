package dev.cobra.runtime.compliance;

import dev.cobra.runtime.persistence.CollectionOwner;
import dev.cobra.runtime.persistence.DebtorRecords;
import dev.cobra.runtime.persistence.ErasureSweep;
import dev.cobra.runtime.persistence.SecondaryIndexes;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * The immutable contact audit trail (collection {@value #COLLECTION}): one inserted document per business-initiated
 * attempt, allowed or not. Nothing in the runtime updates or deletes these documents. The allowed rows are also
 * what the frequency caps count.
 */
@CollectionOwner("contact_audit")
public class ContactAuditTrail implements DebtorRecords, SecondaryIndexes {

    private static final String COLLECTION = "contact_audit";

    private final ReactiveMongoTemplate mongo;

    public ContactAuditTrail(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<AuditRow> append(AuditRow row) {
        Document doc = new Document("_id", new ObjectId())
                .append("at", Date.from(row.at()))
                .append("debtorId", row.debtorId())
                .append("channel", row.channel())
                .append("purpose", row.purpose())
                .append("sourceId", row.sourceId())
                .append("template", row.template())
                .append("country", row.country())
                .append("debtorLocalTime", row.debtorLocalTime())
                .append("consentBasis", row.consentBasis())
                .append("allowed", row.allowed())
                .append("reason", row.reason())
                .append("nextAllowedAt", row.nextAllowedAt() == null ? null : Date.from(row.nextAllowedAt()));
        return mongo.insert(doc, COLLECTION).map(ContactAuditTrail::toRow);
    }

    /** Allowed attempts of a debtor in {@code [from, to)}: what the caps count. */
    public Flux<AuditRow> allowedBetween(String debtorId, Instant from, Instant to) {
        Query query = Query.query(Criteria.where("debtorId").is(debtorId).and("allowed").is(true)
                .and("at").gte(Date.from(from)).lt(Date.from(to)));
        return mongo.find(query, Document.class, COLLECTION).map(ContactAuditTrail::toRow);
    }

    /** Rows by debtor and/or period ({@code [from, to)}, either open), oldest first. */
    public Flux<AuditRow> find(String debtorId, Instant from, Instant to, int limit) {
        List<Criteria> parts = new ArrayList<>();
        if (debtorId != null) {
            parts.add(Criteria.where("debtorId").is(debtorId));
        }
        if (from != null) {
            parts.add(Criteria.where("at").gte(Date.from(from)));
        }
        if (to != null) {
            parts.add(Criteria.where("at").lt(Date.from(to)));
        }
        Query query = parts.isEmpty() ? new Query() : Query.query(new Criteria().andOperator(parts));
        query.with(Sort.by("at", "_id")).limit(limit);
        return mongo.find(query, Document.class, COLLECTION).map(ContactAuditTrail::toRow);
    }

    private static AuditRow toRow(Document doc) {
        Date next = doc.getDate("nextAllowedAt");
        return new AuditRow(doc.getObjectId("_id").toHexString(), doc.getDate("at").toInstant(),
                doc.getString("debtorId"), doc.getString("channel"), doc.getString("purpose"),
                doc.getString("sourceId"), doc.getString("template"), doc.getString("country"),
                doc.getString("debtorLocalTime"), doc.getString("consentBasis"),
                Boolean.TRUE.equals(doc.getBoolean("allowed")), doc.getString("reason"),
                next == null ? null : next.toInstant());
    }

    /** The records stay (they are evidence) under the pseudonym, without personal data. */
    @Override
    public Mono<Map<String, Long>> erase(Erasure e) {
        return ErasureSweep.sweepReported(mongo, COLLECTION, e);
    }

    @Override
    public Map<String, List<Index>> secondaryIndexes() {
        return Map.of(COLLECTION, List.of(new Index().on("debtorId", org.springframework.data.domain.Sort.Direction.ASC).on("at", org.springframework.data.domain.Sort.Direction.ASC),
                new Index().on("at", org.springframework.data.domain.Sort.Direction.ASC)));
    }
}

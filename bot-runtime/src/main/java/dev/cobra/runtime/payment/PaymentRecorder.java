package dev.cobra.runtime.payment;

import dev.cobra.runtime.collections.PromiseStore;
import dev.cobra.runtime.persistence.CollectionOwner;
import dev.cobra.runtime.persistence.DebtorRecords;
import dev.cobra.runtime.persistence.ErasureSweep;
import dev.cobra.runtime.web.error.ApiException;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Records a payment once per {@code reference} ({@code payments}, the reference is the document id, so a repeated
 * call finds the first one), then closes the debtor's open promises (which stops their reminders) and marks the
 * debtor's open payment links paid.
 */
@Component
@CollectionOwner("payments")
public class PaymentRecorder implements DebtorRecords {

    private static final String COLLECTION = "payments";
    private static final Logger log = LoggerFactory.getLogger(PaymentRecorder.class);

    private final ReactiveMongoTemplate mongo;
    private final PromiseStore promises;
    private final ObjectProvider<SignedPaymentLinks> links;

    public PaymentRecorder(ReactiveMongoTemplate mongo, PromiseStore promises, ObjectProvider<SignedPaymentLinks> links) {
        this.mongo = mongo;
        this.promises = promises;
        this.links = links;
    }

    /** A payment as the creditor's system reports it. */
    public record Payment(String debtorId, String debtId, BigDecimal amount, String currency, Instant paidAt,
                          String reference) {
    }

    /** The outcome: {@code duplicate} when this reference was recorded before (nothing changed then). */
    public record Recorded(String reference, boolean duplicate, long promisesKept) {
    }

    public Mono<Recorded> record(Payment p, String source, Instant now) {
        Document doc = new Document("_id", p.reference())
                .append("debtorId", p.debtorId())
                .append("debtId", p.debtId())
                .append("amount", p.amount().toPlainString())
                .append("currency", p.currency())
                .append("paidAt", Date.from(p.paidAt()))
                .append("source", source)
                .append("recordedAt", Date.from(now));
        return mongo.insert(doc, COLLECTION)
                .flatMap(saved -> closeOpenItems(p, now))
                .map(kept -> {
                    log.info("payment.recorded source={} promisesKept={}", source, kept);
                    return new Recorded(p.reference(), false, kept);
                })
                .onErrorResume(DuplicateKeyException.class, e -> mongo.findById(p.reference(), Document.class, COLLECTION)
                        .flatMap(existing -> sameAs(existing, p) ? Mono.just(new Recorded(p.reference(), true, 0))
                                : Mono.error(ApiException.conflict("reference_reused",
                                "This reference was already recorded with other details."))));
    }

    private Mono<Long> closeOpenItems(Payment p, Instant now) {
        SignedPaymentLinks signed = links.getIfAvailable();
        return promises.keep(p.debtorId(), p.debtId(), p.reference(), now)
                .flatMap(kept -> (signed == null ? Mono.just(0L) : signed.markPaid(p.debtorId(), p.reference()))
                        .thenReturn(kept));
    }

    private static boolean sameAs(Document existing, Payment p) {
        return Objects.equals(existing.getString("debtorId"), p.debtorId())
                && new BigDecimal(existing.getString("amount")).compareTo(p.amount()) == 0
                && Objects.equals(existing.getString("currency"), p.currency());
    }

    /** Payments made in [from, to), of these debtors when {@code debtorIds} is not null: the KPIs' read model. */
    public Flux<Document> paidBetween(Instant from, Instant to, Collection<String> debtorIds) {
        Criteria criteria = Criteria.where("paidAt").gte(Date.from(from)).lt(Date.from(to));
        if (debtorIds != null) {
            criteria = criteria.and("debtorId").in(debtorIds);
        }
        return mongo.find(Query.query(criteria), Document.class, COLLECTION);
    }

    @Override
    public Mono<Map<String, Long>> erase(Erasure e) {
        return ErasureSweep.sweepReported(mongo, COLLECTION, e);
    }

    @Override
    public Mono<Map<String, List<Document>>> export(String debtorId, List<String> conversationIds) {
        return mongo.find(Query.query(Criteria.where("debtorId").is(debtorId)), Document.class, COLLECTION)
                .collectList().map(list -> Map.of("payments", list));
    }
}

package dev.cobra.runtime.payment;

import dev.cobra.runtime.account.DebtAccounts;
import dev.cobra.runtime.debtor.Debtor;
import dev.cobra.runtime.debtor.DebtorDirectory;
import dev.cobra.runtime.persistence.CollectionOwner;
import dev.cobra.runtime.persistence.DebtorRecords;
import dev.cobra.runtime.persistence.ErasureSweep;
import dev.cobra.runtime.web.error.ApiException;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
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
 * call finds the first one) and applies it to the debtor's account ({@link DebtAccounts}, also once per reference),
 * then closes the debtor's open promises and the plan installments the account now covers ({@link PaymentObligations},
 * which stops their reminders), marks the debtor's open payment links paid
 * and lets {@link PaymentSettlement} tell the creditor and the debtor. A payment reported again after a crash
 * between those steps finishes them (each is idempotent).
 */
@Component
@CollectionOwner("payments")
public class PaymentRecorder implements DebtorRecords {

    private static final String COLLECTION = "payments";
    private static final Logger log = LoggerFactory.getLogger(PaymentRecorder.class);

    private final ReactiveMongoTemplate mongo;
    private final List<PaymentObligations> obligations;
    private final ObjectProvider<SignedPaymentLinks> links;
    private final DebtorDirectory portfolio;
    private final DebtAccounts accounts;
    private final PaymentSettlement settlement;

    public PaymentRecorder(ReactiveMongoTemplate mongo, List<PaymentObligations> obligations, ObjectProvider<SignedPaymentLinks> links,
                           @Qualifier(DebtorDirectory.PORTFOLIO) DebtorDirectory portfolio, DebtAccounts accounts,
                           PaymentSettlement settlement) {
        this.mongo = mongo;
        this.obligations = obligations;
        this.links = links;
        this.portfolio = portfolio;
        this.accounts = accounts;
        this.settlement = settlement;
    }

    /**
     * A payment as the creditor's system (or the payment page, or an agent) reports it.
     *
     * @param conversationId the conversation that led to it (a payment link's), or null
     */
    public record Payment(String debtorId, String debtId, BigDecimal amount, String currency, Instant paidAt,
                          String reference, String conversationId) {

        public Payment(String debtorId, String debtId, BigDecimal amount, String currency, Instant paidAt, String reference) {
            this(debtorId, debtId, amount, currency, paidAt, reference, null);
        }
    }

    /**
     * The outcome: {@code duplicate} when this reference was recorded before (nothing changed then); what the
     * debtor still owes after it and whether that is nothing.
     */
    public record Recorded(String reference, boolean duplicate, long promisesKept, BigDecimal outstanding, boolean paid) {
    }

    public Mono<Recorded> record(Payment p, String source, Instant now) {
        return portfolio.findById(p.debtorId())
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("No debtor with this debtorId.")))
                .flatMap(debtor -> {
                    if (p.debtId() != null && debtor.debts().stream().noneMatch(d -> d.id().equals(p.debtId()))) {
                        return Mono.error(ApiException.badRequest("unknown_debt", "The debtor has no debt with this debtId."));
                    }
                    return store(p, source, now).flatMap(fresh -> apply(debtor, p, source, now, fresh));
                });
    }

    /** Inserts the payment; false when the same payment was recorded before, an error when the reference was reused. */
    private Mono<Boolean> store(Payment p, String source, Instant now) {
        Document doc = new Document("_id", p.reference())
                .append("debtorId", p.debtorId())
                .append("debtId", p.debtId())
                .append("amount", p.amount().toPlainString())
                .append("currency", p.currency())
                .append("paidAt", Date.from(p.paidAt()))
                .append("source", source)
                .append("conversationId", p.conversationId())
                .append("recordedAt", Date.from(now));
        return mongo.insert(doc, COLLECTION).thenReturn(true)
                .onErrorResume(DuplicateKeyException.class, e -> mongo.findById(p.reference(), Document.class, COLLECTION)
                        .flatMap(existing -> sameAs(existing, p) ? Mono.just(false)
                                : Mono.error(ApiException.conflict("reference_reused",
                                "This reference was already recorded with other details."))));
    }

    private Mono<Recorded> apply(Debtor debtor, Payment p, String source, Instant now, boolean fresh) {
        DebtAccounts.PaymentInput input = new DebtAccounts.PaymentInput(p.reference(), p.debtId(), p.amount(),
                p.currency(), p.paidAt(), source);
        return accounts.applyPayment(debtor, input, now).flatMap(applied -> {
            if (!applied.changed()) {
                return Mono.just(new Recorded(p.reference(), true, 0, applied.outstanding(),
                        DebtAccounts.settled(applied.after())));
            }
            return closeOpenItems(p, now)
                    .flatMap(kept -> settlement.settle(debtor, p, applied, now)
                            .thenReturn(new Recorded(p.reference(), !fresh, kept, applied.outstanding(),
                                    DebtAccounts.settled(applied.after()))))
                    .doOnNext(r -> log.info("payment.recorded source={} promisesKept={} paid={}", source,
                            r.promisesKept(), r.paid()));
        });
    }

    /** Reverses a recorded payment (a chargeback, a bounced transfer): it no longer reduces the debt. */
    public Mono<Recorded> reverse(String reference, String by, Instant now) {
        return mongo.findById(reference, Document.class, COLLECTION)
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("No payment with this reference.")))
                .flatMap(doc -> portfolio.findById(doc.getString("debtorId"))
                        .switchIfEmpty(Mono.error(() -> ApiException.notFound("The payment's debtor no longer exists.")))
                        .flatMap(debtor -> mongo.updateFirst(Query.query(Criteria.where("_id").is(reference)),
                                        new Update().set("reversed", true).set("reversedAt", Date.from(now)).set("reversedBy", by),
                                        COLLECTION)
                                .then(accounts.reverse(debtor, reference, now))
                                .map(applied -> new Recorded(reference, !applied.changed(), 0, applied.outstanding(),
                                        DebtAccounts.settled(applied.after())))
                                .doOnNext(r -> log.info("payment.reversed changed={}", !r.duplicate()))));
    }

    private Mono<Long> closeOpenItems(Payment p, Instant now) {
        SignedPaymentLinks signed = links.getIfAvailable();
        return Flux.fromIterable(obligations)
                .concatMap(o -> o.keep(p.debtorId(), p.debtId(), p.reference(), now))
                .reduce(0L, Long::sum)
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
        Criteria criteria = Criteria.where("paidAt").gte(Date.from(from)).lt(Date.from(to)).and("reversed").ne(true);
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

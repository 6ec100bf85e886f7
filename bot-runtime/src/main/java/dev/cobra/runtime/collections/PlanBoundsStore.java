package dev.cobra.runtime.collections;

import dev.cobra.runtime.persistence.CollectionOwner;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Plan bounds per product ({@code plan_bounds}, id = product name; {@code default} applies to products without
 * their own). Without any stored bounds the settings {@code bot.plans.max-installments} (12) and
 * {@code bot.plans.min-installment} (0: no minimum) apply.
 *
 * <p>Every conversation start reads its debtor's bounds, and they change a few times a year: the whole table is
 * held in memory and read again from the database at most every {@link #REFRESH} (at once after a change made
 * through this instance; another instance's change is seen within {@code REFRESH}).
 */
@Component
@CollectionOwner("plan_bounds")
public class PlanBoundsStore {

    private static final String COLLECTION = "plan_bounds";

    /** How long a read of the whole table is used before reading it again. */
    static final Duration REFRESH = Duration.ofSeconds(10);

    private final ReactiveMongoTemplate mongo;
    private final PlanBounds fallback;
    private final AtomicReference<Mono<Map<String, PlanBounds>>> table = new AtomicReference<>();

    public PlanBoundsStore(ReactiveMongoTemplate mongo,
                           @Value("${bot.plans.max-installments:12}") int maxInstallments,
                           @Value("${bot.plans.min-installment:0}") BigDecimal minInstallment) {
        this.mongo = mongo;
        this.fallback = new PlanBounds(PlanBounds.DEFAULT_PRODUCT, minInstallment, maxInstallments, BigDecimal.ZERO,
                BigDecimal.ZERO);
    }

    /** The bounds of {@code product}, else the stored default, else the settings. */
    public Mono<PlanBounds> forProduct(String product) {
        return table().map(bounds -> {
            PlanBounds own = product == null ? null : bounds.get(product);
            return own != null ? own : bounds.getOrDefault(PlanBounds.DEFAULT_PRODUCT, fallback);
        });
    }

    private Mono<Map<String, PlanBounds>> table() {
        // Building the cached Mono reads nothing until it is subscribed, so a lost race here costs nothing.
        return table.updateAndGet(current -> current != null ? current : all().collectMap(PlanBounds::product)
                .cache(loaded -> REFRESH, error -> Duration.ZERO, () -> Duration.ZERO));
    }

    public Flux<PlanBounds> all() {
        return mongo.find(new Query().with(Sort.by("_id")), Document.class, COLLECTION).map(PlanBoundsStore::fromDocument);
    }

    public Mono<PlanBounds> save(PlanBounds bounds) {
        Document doc = new Document("_id", bounds.product())
                .append("minInstallment", decimal(bounds.minInstallment()))
                .append("maxInstallments", bounds.maxInstallments())
                .append("downPaymentPercent", decimal(bounds.downPaymentPercent()))
                .append("maxDiscountPercent", decimal(bounds.maxDiscountPercent()));
        return mongo.save(doc, COLLECTION).doOnSuccess(saved -> table.set(null)).thenReturn(bounds);
    }

    public Mono<Boolean> delete(String product) {
        return mongo.remove(Query.query(Criteria.where("_id").is(product)), COLLECTION)
                .doOnSuccess(removed -> table.set(null)).map(r -> r.getDeletedCount() > 0);
    }

    static PlanBounds fromDocument(Document d) {
        return new PlanBounds(d.getString("_id"), big(d.get("minInstallment")), d.getInteger("maxInstallments", 12),
                big(d.get("downPaymentPercent")), big(d.get("maxDiscountPercent")));
    }

    private static Decimal128 decimal(BigDecimal value) {
        return value == null ? null : new Decimal128(value);
    }

    private static BigDecimal big(Object value) {
        if (value instanceof Decimal128 d) {
            return d.bigDecimalValue();
        }
        if (value instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        return value == null ? null : new BigDecimal(value.toString());
    }
}

package dev.cobra.runtime.campaign;

import dev.cobra.runtime.persistence.CollectionOwner;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * Campaigns (collection {@value #COLLECTION}); every status change is one conditional single-document update. Ids
 * are {@code cmp-} plus an ObjectId in hex: not a bare ObjectId string, which Spring Data would convert in queries.
 */
@Component
@CollectionOwner("campaigns")
public class CampaignStore {

    private static final String COLLECTION = "campaigns";

    private final ReactiveMongoTemplate mongo;

    public CampaignStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<Campaign> create(Campaign campaign) {
        Segment s = campaign.segment();
        Document segment = new Document("minDaysPastDue", s.minDaysPastDue()).append("maxDaysPastDue", s.maxDaysPastDue())
                .append("minBalance", decimal(s.minBalance())).append("maxBalance", decimal(s.maxBalance()))
                .append("country", s.country()).append("product", s.product());
        Document doc = new Document("_id", "cmp-" + new ObjectId().toHexString()).append("name", campaign.name())
                .append("flowId", campaign.flowId())
                .append("template", campaign.templateName() == null ? null : new Document("name", campaign.templateName())
                        .append("language", campaign.templateLanguage())
                        .append("parameters", campaign.templateParameters()))
                .append("segment", segment).append("channel", campaign.channel())
                .append("channels", campaign.channels()).append("status", Campaign.DRAFT)
                .append("createdAt", Date.from(campaign.createdAt())).append("createdBy", campaign.createdBy());
        return mongo.insert(doc, COLLECTION).map(CampaignStore::toCampaign);
    }

    public Mono<Campaign> find(String id) {
        return mongo.findById(id, Document.class, COLLECTION).map(CampaignStore::toCampaign);
    }

    /** Moves the campaign from one of {@code from} to {@code to}; empty when it was in none of them. */
    public Mono<Campaign> transition(String id, List<String> from, String to, Instant at) {
        Update update = new Update().set("status", to).set(to + "At", Date.from(at));
        if (from.equals(List.of(Campaign.DRAFT))) {
            update.set("startedAt", Date.from(at));
        }
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(id).and("status").in(from)), update,
                FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION).map(CampaignStore::toCampaign);
    }

    public Mono<Void> setAudience(String id, int audience) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("audience", audience),
                COLLECTION).then();
    }

    /** Every campaign, newest first. */
    public Flux<Campaign> all() {
        return mongo.find(new Query().with(org.springframework.data.domain.Sort.by(
                org.springframework.data.domain.Sort.Direction.DESC, "createdAt")), Document.class, COLLECTION)
                .map(CampaignStore::toCampaign);
    }

    public Flux<String> runningIds() {
        Query query = Query.query(Criteria.where("status").is(Campaign.RUNNING));
        query.fields().include("_id");
        return mongo.find(query, Document.class, COLLECTION).map(doc -> doc.getString("_id"));
    }

    private static Decimal128 decimal(BigDecimal value) {
        return value == null ? null : new Decimal128(value);
    }

    private static BigDecimal big(Object value) {
        return value instanceof Decimal128 d ? d.bigDecimalValue() : null;
    }

    static Campaign toCampaign(Document doc) {
        Document t = doc.get("template", Document.class);
        Document s = doc.get("segment", Document.class);
        Segment segment = new Segment(s.getInteger("minDaysPastDue"), s.getInteger("maxDaysPastDue"),
                big(s.get("minBalance")), big(s.get("maxBalance")), s.getString("country"), s.getString("product"));
        Date started = doc.getDate("startedAt");
        return new Campaign(doc.getString("_id"), doc.getString("name"), doc.getString("flowId"),
                t == null ? null : t.getString("name"), t == null ? null : t.getString("language"), segment,
                doc.getString("channel"), doc.getString("status"),
                doc.getDate("createdAt").toInstant(), doc.getString("createdBy"),
                started == null ? null : started.toInstant(), doc.getInteger("audience"),
                doc.getList("channels", String.class), t == null ? List.of() : t.getList("parameters", String.class, List.of()));
    }
}

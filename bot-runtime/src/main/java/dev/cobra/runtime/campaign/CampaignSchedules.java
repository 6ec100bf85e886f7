package dev.cobra.runtime.campaign;

import dev.cobra.runtime.persistence.CollectionOwner;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.Date;

/**
 * When a draft campaign is to start by itself (collection {@code campaign_schedules}, one document per campaign id).
 * A due schedule is taken with one conditional delete, so of several instances exactly one starts the campaign.
 */
@Component
@CollectionOwner("campaign_schedules")
public class CampaignSchedules {

    private static final String COLLECTION = "campaign_schedules";

    public record Schedule(String campaignId, Instant startAt, String by) {
    }

    private final ReactiveMongoTemplate mongo;

    public CampaignSchedules(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<Schedule> set(String campaignId, Instant startAt, String by) {
        return mongo.upsert(Query.query(Criteria.where("_id").is(campaignId)),
                new Update().set("startAt", Date.from(startAt)).set("by", by), COLLECTION)
                .thenReturn(new Schedule(campaignId, startAt, by));
    }

    public Mono<Schedule> find(String campaignId) {
        return mongo.findById(campaignId, Document.class, COLLECTION).map(CampaignSchedules::of);
    }

    public Mono<Boolean> remove(String campaignId) {
        return mongo.remove(Query.query(Criteria.where("_id").is(campaignId)), COLLECTION)
                .map(result -> result.getDeletedCount() > 0);
    }

    /** The schedules due at {@code now}. */
    Flux<Schedule> due(Instant now) {
        return mongo.find(Query.query(Criteria.where("startAt").lte(Date.from(now))), Document.class, COLLECTION)
                .map(CampaignSchedules::of);
    }

    /** Takes a due schedule away; empty when another instance (or an unschedule) took it first. */
    Mono<Schedule> take(String campaignId, Instant now) {
        return mongo.findAndRemove(Query.query(Criteria.where("_id").is(campaignId).and("startAt").lte(Date.from(now))),
                Document.class, COLLECTION).map(CampaignSchedules::of);
    }

    private static Schedule of(Document doc) {
        return new Schedule(doc.getString("_id"), doc.getDate("startAt").toInstant(), doc.getString("by"));
    }
}

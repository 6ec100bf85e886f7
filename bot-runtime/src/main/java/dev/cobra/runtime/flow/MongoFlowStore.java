package dev.cobra.runtime.flow;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import dev.cobra.flow.model.Flow;
import dev.cobra.flow.model.StageSelection;
import dev.cobra.flow.read.FlowReader;
import dev.cobra.flow.shipped.ShippedFlow;
import dev.cobra.flow.shipped.ShippedFlows;
import dev.cobra.flow.validate.FlowProblem;
import dev.cobra.flow.validate.FlowValidator;
import dev.cobra.flow.validate.InvalidFlowException;
import dev.cobra.runtime.persistence.CollectionOwner;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Flow storage in MongoDB.
 *
 * <h2>Implementation notes</h2>
 *
 * <p><b>Design.</b> Collection {@value #FLOWS} holds one document per flow: the draft YAML (verbatim, so
 * comments survive), its revision {@code draftVersion}, the pointer {@code publishedVersion} and the counter
 * {@code lastVersion}. Collection {@value #VERSIONS} holds immutable published versions, one document per
 * (flow, version) with id {@code <flow>@<version>}. Parsed versions are cached in memory forever: a published
 * version never changes, so the cache needs no invalidation, and running conversations keep the version they
 * started with. The pointers read by {@link #published}/{@link #forStage} are held for one second
 * ({@link PublishedPointers}): this instance sees its own publications at once, other instances within a second.
 *
 * <p><b>Invariants.</b> (1) Every write is a single-document operation (the embedded server has no
 * transactions). (2) Publishing takes the next number with an atomic {@code $inc} conditioned on the draft
 * revision that was validated, writes the version document, and only then moves the pointer, so the pointer
 * never names a missing version; a crash in between leaves a gap in the numbers, never a broken pointer.
 * (3) The shipped flows are inserted only where no document with their id exists (version 1, published), so a
 * designer's edits are never overwritten on later starts, and a flow added in a new release still arrives.
 *
 * <p><b>Threads.</b> YAML parsing and validation are CPU work and run on the bounded elastic scheduler.
 */
@Component
@CollectionOwner({"flows", "flow_versions"})
public class MongoFlowStore implements FlowCatalog {

    private static final String FLOWS = "flows";
    private static final String VERSIONS = "flow_versions";
    /** Author recorded for the shipped flows. */
    static final String SYSTEM_AUTHOR = "cobra";

    private static final Logger log = LoggerFactory.getLogger(MongoFlowStore.class);

    private final Mono<MongoCollection<Document>> flows;
    private final Mono<MongoCollection<Document>> versions;
    private final Clock clock;
    private final FlowReader reader = new FlowReader();
    private final FlowValidator validator = new FlowValidator();
    private final ConcurrentMap<String, FlowVersion> parsedVersions = new ConcurrentHashMap<>();
    private final PublishedPointers pointers = new PublishedPointers();
    /** Completes once the shipped flows are in the database; retried on the next call if it failed. */
    private final Mono<Void> seeded;

    @Autowired
    public MongoFlowStore(ReactiveMongoTemplate mongo, ObjectProvider<Clock> clock) {
        this(mongo, clock.getIfAvailable(Clock::systemUTC));
    }

    public MongoFlowStore(ReactiveMongoTemplate mongo, Clock clock) {
        this.flows = mongo.getCollection(FLOWS).cache();
        this.versions = mongo.getCollection(VERSIONS).cache();
        this.clock = clock;
        this.seeded = seedShippedFlows().cache(value -> Duration.ofMillis(Long.MAX_VALUE), error -> Duration.ZERO,
                () -> Duration.ofMillis(Long.MAX_VALUE));
    }

    /** Completes when the shipped flows are stored. */
    public Mono<Void> ready() {
        return seeded;
    }

    // ---- FlowCatalog (read side used by the engine) ----

    @Override
    public Mono<FlowVersion> published(String flowId) {
        Mono<Integer> pointer = seeded.then(Mono.defer(() -> flows.flatMap(c -> Mono.from(c.find(Filters.eq("_id", flowId))
                        .projection(Projections.include("publishedVersion")).first()))))
                .mapNotNull(doc -> doc.getInteger("publishedVersion"));
        return pointers.get("published:" + flowId, pointer).flatMap(version -> version(flowId, version));
    }

    @Override
    public Mono<FlowVersion> version(String flowId, int version) {
        FlowVersion cached = parsedVersions.get(key(flowId, version));
        if (cached != null) {
            return Mono.just(cached);
        }
        return seeded.then(Mono.defer(() -> versions.flatMap(c -> Mono.from(c.find(Filters.eq("_id", key(flowId, version))).first()))))
                .publishOn(Schedulers.boundedElastic())
                .map(doc -> parsedVersions.computeIfAbsent(key(flowId, version),
                        k -> new FlowVersion(reader.read(flowId, doc.getString("yaml")), version)));
    }

    /**
     * The published stage flow whose selection matches; when several match, the one with the narrowest range
     * (so a designer can carve a special case out of a stage), then the lowest id.
     */
    @Override
    public Mono<FlowVersion> forStage(long daysPastDue) {
        Mono<List<Document>> stagePointers = seeded.thenMany(Flux.defer(() -> flows.flatMapMany(c -> Flux.from(
                        c.find(Filters.and(Filters.eq("stage", true), Filters.ne("publishedVersion", null)))
                                .projection(Projections.include("publishedVersion"))))))
                .collectList();
        return pointers.get("stages", stagePointers)
                .flatMapMany(Flux::fromIterable)
                .flatMap(doc -> version(doc.getString("_id"), doc.getInteger("publishedVersion")))
                .filter(v -> v.flow().selection() != null && v.flow().selection().matches(daysPastDue))
                .sort(Comparator.comparingLong((FlowVersion v) -> width(v.flow().selection()))
                        .thenComparing(v -> v.flow().id()))
                .next();
    }

    // ---- designer side ----

    public Flux<FlowSummary> list() {
        return seeded.thenMany(Flux.defer(() -> flows.flatMapMany(c -> Flux.from(c.find()
                        .projection(Projections.exclude("yaml")).sort(Sorts.ascending("_id"))))))
                .map(doc -> {
                    FlowDraft d = toDraft(doc);
                    return new FlowSummary(d.id(), d.title(), d.publishedVersion(), d.draftVersion(),
                            d.unpublishedChanges(), Boolean.TRUE.equals(doc.getBoolean("stage")), d.updatedAt(),
                            d.updatedBy());
                });
    }

    public Mono<FlowDraft> draft(String flowId) {
        return seeded.then(Mono.defer(() -> flows.flatMap(c -> Mono.from(c.find(Filters.eq("_id", flowId)).first()))))
                .map(MongoFlowStore::toDraft);
    }

    /** The ids of every stored flow, which subflow calls and {@code flow:} routes may name. */
    public Mono<Set<String>> flowIds() {
        return seeded.thenMany(Flux.defer(() -> flows.flatMapMany(c -> Flux.from(c.find().projection(Projections.include("_id"))))))
                .map(doc -> doc.getString("_id"))
                .collect(HashSet::new, Set::add);
    }

    /**
     * Saves a draft (creating the flow when new). The caller has parsed {@code flow} from {@code yaml}; the text
     * is stored verbatim.
     */
    public Mono<FlowDraft> saveDraft(Flow flow, String yaml, String author) {
        Instant now = clock.instant();
        return seeded.then(Mono.defer(() -> flows.flatMap(c -> Mono.from(c.findOneAndUpdate(Filters.eq("_id", flow.id()),
                        Updates.combine(
                                Updates.set("yaml", yaml),
                                Updates.set("title", title(flow)),
                                Updates.set("stage", flow.selection() != null),
                                Updates.set("updatedAt", Date.from(now)),
                                Updates.set("updatedBy", author),
                                Updates.inc("draftVersion", 1),
                                Updates.setOnInsert("lastVersion", 0)),
                        new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER))))))
                .map(MongoFlowStore::toDraft)
                .doOnEach(signal -> pointers.invalidate()) // before the caller sees the result; the stage flag may have changed
                .doOnNext(d -> log.info("flow.draft.saved flow={} draftVersion={} by={}", d.id(), d.draftVersion(), author));
    }

    /**
     * Publishes the current draft as the next version.
     *
     * @return empty when the flow does not exist
     * @throws InvalidFlowException (as an error signal) when the draft does not pass the validator
     * @throws DraftChangedException (as an error signal) when the draft was saved again while publishing
     */
    public Mono<PublishedVersionInfo> publish(String flowId, String author) {
        return draft(flowId).zipWith(flowIds()).publishOn(Schedulers.boundedElastic()).flatMap(tuple -> {
            FlowDraft draft = tuple.getT1();
            Flow flow = reader.read(flowId, draft.yaml());
            List<FlowProblem> problems = validator.validate(flow, tuple.getT2());
            if (!problems.isEmpty()) {
                return Mono.error(new InvalidFlowException(flowId, problems));
            }
            Instant now = clock.instant();
            return flows.flatMap(c -> Mono.from(c.findOneAndUpdate(
                            Filters.and(Filters.eq("_id", flowId), Filters.eq("draftVersion", draft.draftVersion())),
                            Updates.inc("lastVersion", 1),
                            new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))))
                    .switchIfEmpty(Mono.error(new DraftChangedException(flowId)))
                    .flatMap(doc -> {
                        int version = doc.getInteger("lastVersion");
                        Document versionDoc = new Document("_id", key(flowId, version))
                                .append("flowId", flowId).append("version", version).append("yaml", draft.yaml())
                                .append("draftVersion", draft.draftVersion())
                                .append("publishedAt", Date.from(now)).append("publishedBy", author);
                        return versions.flatMap(v -> Mono.from(v.insertOne(versionDoc)))
                                .then(flows.flatMap(c -> Mono.from(c.updateOne(Filters.eq("_id", flowId), Updates.combine(
                                        Updates.max("publishedVersion", version),
                                        Updates.set("publishedDraftVersion", draft.draftVersion()))))))
                                .doOnEach(signal -> pointers.invalidate()) // before the caller sees the version
                                .doOnSuccess(ignored -> {
                                    parsedVersions.putIfAbsent(key(flowId, version), new FlowVersion(flow, version));
                                    log.info("flow.published flow={} version={} by={}", flowId, version, author);
                                })
                                .thenReturn(new PublishedVersionInfo(flowId, version, now, author));
                    });
        });
    }

    /** The publication history of a flow, newest first. */
    public Flux<PublishedVersionInfo> history(String flowId) {
        return seeded.thenMany(Flux.defer(() -> versions.flatMapMany(c -> Flux.from(c.find(Filters.eq("flowId", flowId))
                        .projection(Projections.exclude("yaml")).sort(Sorts.descending("version"))))))
                .map(doc -> new PublishedVersionInfo(flowId, doc.getInteger("version"), instant(doc.getDate("publishedAt")),
                        doc.getString("publishedBy")));
    }

    /**
     * Makes a published version the draft again (a rollback is this, then {@link #publish}): the old YAML is
     * saved as a new draft revision, so nothing is lost and the history stays linear.
     *
     * @return empty when the version does not exist
     */
    public Mono<FlowDraft> restore(String flowId, int version, String author) {
        return versionYaml(flowId, version)
                .publishOn(Schedulers.boundedElastic())
                .flatMap(yaml -> saveDraft(reader.read(flowId, yaml), yaml, author));
    }

    /** The YAML of one published version as it was published. */
    public Mono<String> versionYaml(String flowId, int version) {
        return seeded.then(Mono.defer(() -> versions.flatMap(c -> Mono.from(c.find(Filters.eq("_id", key(flowId, version))).first()))))
                .map(doc -> doc.getString("yaml"));
    }

    // ---- shipped flows ----

    /**
     * Inserts each shipped flow that has no document yet, as published version 1. The version document goes in
     * before the flow document so the pointer never names a missing version. Idempotent and safe when several
     * instances start together (upserts with {@code $setOnInsert} only).
     */
    Mono<Void> seedShippedFlows() {
        return Mono.fromCallable(ShippedFlows::all)
                .subscribeOn(Schedulers.boundedElastic())
                .flatMapMany(Flux::fromIterable)
                .concatMap(this::seed)
                .reduce(0, Integer::sum)
                .doOnNext(inserted -> log.info("flow.shipped.loaded inserted={}", inserted))
                .doOnEach(signal -> pointers.invalidate())
                .then();
    }

    private Mono<Integer> seed(ShippedFlow shipped) {
        Flow flow = shipped.flow();
        Date now = Date.from(clock.instant());
        UpdateOptions upsert = new UpdateOptions().upsert(true);
        return versions.flatMap(c -> Mono.from(c.updateOne(Filters.eq("_id", key(shipped.id(), 1)), Updates.combine(
                        Updates.setOnInsert("flowId", shipped.id()),
                        Updates.setOnInsert("version", 1),
                        Updates.setOnInsert("yaml", shipped.yaml()),
                        Updates.setOnInsert("draftVersion", 1),
                        Updates.setOnInsert("publishedAt", now),
                        Updates.setOnInsert("publishedBy", SYSTEM_AUTHOR)), upsert)))
                .then(flows.flatMap(c -> Mono.from(c.updateOne(Filters.eq("_id", shipped.id()), Updates.combine(
                        Updates.setOnInsert("title", title(flow)),
                        Updates.setOnInsert("yaml", shipped.yaml()),
                        Updates.setOnInsert("stage", flow.selection() != null),
                        Updates.setOnInsert("draftVersion", 1),
                        Updates.setOnInsert("lastVersion", 1),
                        Updates.setOnInsert("publishedVersion", 1),
                        Updates.setOnInsert("publishedDraftVersion", 1),
                        Updates.setOnInsert("updatedAt", now),
                        Updates.setOnInsert("updatedBy", SYSTEM_AUTHOR)), upsert))))
                .map(result -> result.getUpsertedId() == null ? 0 : 1);
    }

    // ---- mapping ----

    private static FlowDraft toDraft(Document doc) {
        return new FlowDraft(doc.getString("_id"), doc.getString("title"), doc.getString("yaml"),
                doc.getInteger("draftVersion", 0), doc.getInteger("publishedVersion"),
                doc.getInteger("publishedDraftVersion"), instant(doc.getDate("updatedAt")), doc.getString("updatedBy"));
    }

    private static String title(Flow flow) {
        return flow.title() == null || flow.title().isBlank() ? flow.id() : flow.title();
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static String key(String flowId, int version) {
        return flowId + "@" + version;
    }

    private static long width(StageSelection selection) {
        long min = selection.minDaysPastDue() == null ? Integer.MIN_VALUE : selection.minDaysPastDue();
        long max = selection.maxDaysPastDue() == null ? Integer.MAX_VALUE : selection.maxDaysPastDue();
        return max - min;
    }
}

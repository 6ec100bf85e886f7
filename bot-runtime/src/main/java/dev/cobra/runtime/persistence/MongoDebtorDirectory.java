package dev.cobra.runtime.persistence;

import dev.cobra.runtime.debtor.Consent;
import dev.cobra.runtime.debtor.Debt;
import dev.cobra.runtime.debtor.Debtor;
import dev.cobra.runtime.debtor.DebtorDirectory;
import dev.cobra.runtime.debtor.DebtorStore;
import dev.cobra.runtime.debtor.DocumentHasher;
import dev.cobra.runtime.debtor.PhoneNumbers;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The portfolio in the collection {@code debtors}: one document per debtor with its debts and consent embedded, so
 * every change — import, opt-out, BSUID link — is a single-document atomic update (the embedded server has no
 * multi-document transactions). Phones are stored normalised to E.164 with {@code +}. Dates are stored as
 * {@code yyyy-MM-dd} strings (they sort like dates and carry no time zone), balances as Decimal128.
 */
@Repository(DebtorDirectory.PORTFOLIO)
@CollectionOwner("debtors")
class MongoDebtorDirectory implements DebtorDirectory, DebtorStore, DebtorRecords, SecondaryIndexes {

    private static final String COLLECTION = "debtors";
    private static final Logger log = LoggerFactory.getLogger(MongoDebtorDirectory.class);
    private static final Pattern CHANNEL = Pattern.compile("[a-z][a-z_]{1,19}");
    /** Channels whose consent an opt-out withdraws even when the debtor had none recorded for them. */
    private static final List<String> WITHDRAWN_ON_OPT_OUT = List.of("whatsapp", "webchat", "sms", "email");

    /** Bounds the phone hints: about 100 bytes each, so some 20 MB at most. */
    private static final int MAX_PHONE_HINTS = 200_000;

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    /**
     * Phone → id of the debtor a lookup or an import last tied to it. Only a hint: the document is read by id (which
     * every MongoDB answers from its primary index) and used only if it still has that phone, so a stale hint costs
     * one extra read, never a wrong answer. It spares the embedded server, which has no secondary indexes, a scan of
     * the whole portfolio for every inbound WhatsApp message (docs/benchmarks.md).
     */
    private final Map<String, String> phoneHints = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                    return size() > MAX_PHONE_HINTS;
                }
            });

    /**
     * This process's copies of debtor records (issue 17: the debtor is read on every inbound message): every write
     * below goes through {@link RecordCache#written}, and only with the embedded database is it enabled.
     */
    private final RecordCache<Debtor> copies;

    @org.springframework.beans.factory.annotation.Autowired
    MongoDebtorDirectory(ReactiveMongoTemplate mongo, ObjectProvider<Clock> clock, RecordCaches caches) {
        this(mongo, clock, caches.<Debtor>create());
    }

    MongoDebtorDirectory(ReactiveMongoTemplate mongo, ObjectProvider<Clock> clock, RecordCache<Debtor> copies) {
        this.mongo = mongo;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.copies = copies;
    }

    /** Lookups by phone and BSUID are on the path of every inbound WhatsApp message. */
    @Override
    public Map<String, List<Index>> secondaryIndexes() {
        return Map.of(COLLECTION, List.of(new Index().on("phone", org.springframework.data.domain.Sort.Direction.ASC),
                new Index().on("bsuids", org.springframework.data.domain.Sort.Direction.ASC)));
    }

    @Override
    public Mono<Long> count() {
        return mongo.count(new Query(), COLLECTION);
    }

    @Override
    public Mono<Void> recordOptIn(String debtorId, String channel, Instant at, String source, String evidence) {
        if (!CHANNEL.matcher(channel).matches()) {
            return Mono.error(new IllegalArgumentException("not a channel name"));
        }
        Update update = new Update()
                .set("consent." + channel, new Document("optedIn", true).append("at", Date.from(at))
                        .append("source", source).append("evidence", evidence))
                .set("optedOut", false)
                .set("optedInAgainAt", Date.from(at));
        return copies.written(debtorId, mongo.updateFirst(byId(debtorId), update, COLLECTION)).then();
    }

    @Override
    public Mono<Identity> identity(String debtorId) {
        return mongo.findOne(byId(debtorId), Document.class, COLLECTION).map(doc -> new Identity(doc.getString("_id"),
                doc.getString("name"), doc.getString("phone"), doc.getString("email"),
                doc.get("bsuids") instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of(),
                doc.getString("documentHash")));
    }

    /** The portfolio record goes last (the other stores' erasure reads it first): see DebtorErasure. */
    @Override
    public Mono<Map<String, Long>> erase(Erasure erasure) {
        return copies.written(erasure.debtorId(), mongo.remove(byId(erasure.debtorId()), COLLECTION))
                .map(r -> ErasureSweep.counted(Map.of(), COLLECTION, r.getDeletedCount()));
    }

    /** The portfolio record as stored, without the document hash. */
    @Override
    public Mono<Map<String, List<Document>>> export(String debtorId, List<String> conversationIds) {
        return mongo.findOne(byId(debtorId), Document.class, COLLECTION).map(doc -> {
            doc.remove("documentHash");
            return Map.of("debtor", List.of(doc));
        });
    }

    @Override
    public Mono<Debtor> findById(String debtorId) {
        if (debtorId == null) {
            return Mono.empty();
        }
        return copies.read(debtorId, () -> mongo.findOne(byId(debtorId), Document.class, COLLECTION)
                .map(MongoDebtorDirectory::toDebtor));
    }

    /** The copy this process keeps of a debtor, without reading (tests). */
    Debtor cached(String debtorId) {
        return copies.peek(debtorId);
    }

    @Override
    public Mono<Debtor> findByPhone(String phone) {
        List<String> candidates = PhoneNumbers.lookupCandidates(phone);
        if (candidates.isEmpty()) {
            return Mono.empty();
        }
        Mono<Debtor> scan = mongo.findOne(Query.query(Criteria.where("phone").in(candidates)), Document.class, COLLECTION)
                .doOnNext(doc -> phoneHints.put(doc.getString("phone"), doc.getString("_id")))
                .map(MongoDebtorDirectory::toDebtor);
        String hintedPhone = candidates.stream().filter(phoneHints::containsKey).findFirst().orElse(null);
        String hintedId = hintedPhone == null ? null : phoneHints.get(hintedPhone);
        if (hintedId == null) {
            return scan;
        }
        return findById(hintedId)
                .filter(debtor -> candidates.contains(debtor.phone()))
                .switchIfEmpty(Mono.defer(() -> {
                    phoneHints.remove(hintedPhone, hintedId); // the debtor changed phone or was erased
                    return scan;
                }));
    }

    @Override
    public Mono<Debtor> findByBsuid(String bsuid) {
        if (bsuid == null || bsuid.isBlank()) {
            return Mono.empty();
        }
        return mongo.findOne(Query.query(Criteria.where("bsuids").is(bsuid)), Document.class, COLLECTION)
                .map(MongoDebtorDirectory::toDebtor);
    }

    @Override
    public Mono<Void> linkBsuid(String debtorId, String bsuid) {
        return copies.written(debtorId, mongo.updateFirst(byId(debtorId),
                        new Update().addToSet("bsuids", bsuid).set("updatedAt", Date.from(clock.instant())), COLLECTION))
                .doOnNext(result -> log.info("debtor.bsuid.linked debtorId={} matched={}", debtorId,
                        result.getMatchedCount()))
                .then();
    }

    @Override
    public Mono<Boolean> verifyDocument(String debtorId, String digits) {
        if (copies.enabled()) {
            return findById(debtorId).map(debtor -> DocumentHasher.matches(digits, debtor.documentHash()))
                    .defaultIfEmpty(false);
        }
        Query query = byId(debtorId);
        query.fields().include("documentHash");
        return mongo.findOne(query, Document.class, COLLECTION)
                .map(doc -> DocumentHasher.matches(digits, doc.getString("documentHash")))
                .defaultIfEmpty(false);
    }

    /**
     * Sets the global {@code optedOut} flag (which wins over any consent) and withdraws the consent of every
     * channel the debtor has plus the usual ones, in one update, so a reader that only looks at one channel's
     * consent also sees the opt-out.
     */
    @Override
    public Mono<Void> optOut(String debtorId, String channel, Instant at) {
        Query query = byId(debtorId);
        query.fields().include("consent");
        return mongo.findOne(query, Document.class, COLLECTION)
                .flatMap(doc -> {
                    Set<String> channels = new LinkedHashSet<>(WITHDRAWN_ON_OPT_OUT);
                    Document consent = doc.get("consent", Document.class);
                    if (consent != null) {
                        channels.addAll(consent.keySet());
                    }
                    if (channel != null) {
                        channels.add(channel);
                    }
                    Update update = new Update()
                            .set("optedOut", true)
                            .set("optedOutAt", Date.from(at))
                            .set("optedOutChannel", channel)
                            .set("updatedAt", Date.from(clock.instant()));
                    for (String name : channels) {
                        if (CHANNEL.matcher(name).matches()) {
                            update.set("consent." + name, new Document("optedIn", false).append("at", Date.from(at))
                                    .append("source", "debtor-opt-out:" + (channel == null ? "unknown" : channel)));
                        }
                    }
                    return copies.written(debtorId, mongo.updateFirst(byId(debtorId), update, COLLECTION));
                })
                .doOnNext(result -> log.info("debtor.opted_out debtorId={} channel={} matched={}", debtorId, channel,
                        result.getMatchedCount()))
                .then();
    }

    @Override
    public Mono<Void> flagWrongParty(String debtorId, Instant at) {
        return copies.written(debtorId, mongo.updateFirst(byId(debtorId), new Update().set("wrongParty", true)
                        .set("wrongPartyAt", Date.from(at)).set("updatedAt", Date.from(clock.instant())), COLLECTION))
                .doOnNext(result -> log.info("debtor.wrong_party debtorId={} matched={}", debtorId,
                        result.getMatchedCount()))
                .then();
    }

    @Override
    public Mono<UpsertOutcome> upsert(Debtor debtor) {
        Date now = Date.from(clock.instant());
        Update update = new Update()
                .set("name", debtor.name())
                .set("locale", debtor.locale())
                .set("timezone", debtor.timezone())
                .set("country", debtor.country())
                .set("consent", consentDocument(debtor.consent()))
                .set("debts", debtor.debts().stream().map(MongoDebtorDirectory::debtDocument).toList())
                .set("updatedAt", now)
                .setOnInsert("optedOut", false)
                .setOnInsert("wrongParty", false)
                .setOnInsert("createdAt", now);
        setOrUnset(update, "phone", debtor.phone());
        setOrUnset(update, "email", debtor.email());
        if (debtor.documentHash() != null) {
            update.set("documentHash", debtor.documentHash());
        }
        update.addToSet("bsuids").each(debtor.bsuids().toArray());
        return copies.written(debtor.id(), mongo.findAndModify(byId(debtor.id()), update,
                        FindAndModifyOptions.options().upsert(true).returnNew(false), Document.class, COLLECTION))
                .map(previous -> UpsertOutcome.UPDATED)
                .defaultIfEmpty(UpsertOutcome.CREATED)
                .doOnNext(outcome -> {
                    if (debtor.phone() != null) {
                        // putIfAbsent: where debtors share a phone, the one found first keeps answering for it
                        phoneHints.putIfAbsent(debtor.phone(), debtor.id());
                    }
                });
    }

    @Override
    public Flux<Debtor> page(String afterId, int limit) {
        Query query = afterId == null ? new Query() : Query.query(Criteria.where("_id").gt(afterId));
        query.with(org.springframework.data.domain.Sort.by("_id")).limit(limit);
        return mongo.find(query, Document.class, COLLECTION).map(MongoDebtorDirectory::toDebtor);
    }

    @Override
    public Flux<Debtor> search(String text, int limit) {
        // A literal, case-insensitive "contains" on the fields staff type (a scan: the portfolio screen's search).
        Pattern contains = Pattern.compile(Pattern.quote(text.strip()), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        String digits = text.replaceAll("[^0-9]", "");
        List<Criteria> any = new ArrayList<>(List.of(Criteria.where("_id").regex(contains),
                Criteria.where("name").regex(contains), Criteria.where("email").regex(contains)));
        if (digits.length() >= 4) {
            any.add(Criteria.where("phone").regex(Pattern.compile(Pattern.quote(digits))));
        }
        Query query = Query.query(new Criteria().orOperator(any.toArray(Criteria[]::new)));
        query.with(org.springframework.data.domain.Sort.by("_id")).limit(limit);
        return mongo.find(query, Document.class, COLLECTION).map(MongoDebtorDirectory::toDebtor);
    }

    private static void setOrUnset(Update update, String field, Object value) {
        if (value == null) {
            update.unset(field);
        } else {
            update.set(field, value);
        }
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }

    private static Document consentDocument(Map<String, Consent> consent) {
        Document doc = new Document();
        consent.forEach((channel, c) -> doc.append(channel, new Document("optedIn", c.optedIn())
                .append("at", c.at() == null ? null : Date.from(c.at()))
                .append("source", c.source())));
        return doc;
    }

    private static Document debtDocument(Debt debt) {
        return new Document("id", debt.id())
                .append("product", debt.product())
                .append("balance", debt.balance() == null ? null : new Decimal128(debt.balance()))
                .append("currency", debt.currency())
                .append("dueDate", debt.dueDate() == null ? null : debt.dueDate().toString());
    }

    static Debtor toDebtor(Document doc) {
        Map<String, Consent> consent = new LinkedHashMap<>();
        Document consentDoc = doc.get("consent", Document.class);
        if (consentDoc != null) {
            consentDoc.forEach((channel, value) -> {
                if (value instanceof Document c) {
                    Date at = c.getDate("at");
                    consent.put(channel, new Consent(Boolean.TRUE.equals(c.getBoolean("optedIn")),
                            at == null ? null : at.toInstant(), c.getString("source")));
                }
            });
        }
        List<Debt> debts = new ArrayList<>();
        for (Document d : doc.getList("debts", Document.class, List.of())) {
            String due = d.getString("dueDate");
            debts.add(new Debt(d.getString("id"), d.getString("product"), decimal(d.get("balance")),
                    d.getString("currency"), due == null ? null : LocalDate.parse(due)));
        }
        Set<String> bsuids = new LinkedHashSet<>(doc.getList("bsuids", String.class, List.of()));
        return new Debtor(doc.getString("_id"), doc.getString("name"), doc.getString("phone"), doc.getString("email"),
                doc.getString("locale"), doc.getString("timezone"), doc.getString("country"),
                doc.getString("documentHash"), consent, debts, bsuids, Boolean.TRUE.equals(doc.getBoolean("optedOut")),
                Boolean.TRUE.equals(doc.getBoolean("wrongParty")));
    }

    private static BigDecimal decimal(Object value) {
        if (value instanceof Decimal128 d) {
            return d.bigDecimalValue();
        }
        if (value instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        if (value instanceof String s) {
            return new BigDecimal(s);
        }
        return null;
    }
}

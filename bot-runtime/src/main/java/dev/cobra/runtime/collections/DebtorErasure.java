package dev.cobra.runtime.collections;

import dev.cobra.runtime.config.BotProperties;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * GDPR erasure of one debtor. The debtor document is deleted; everything kept for the aggregates (conversations,
 * promises, payments, outbound statuses, events, audit rows) is re-keyed to a pseudonym
 * ({@code erased-<HMAC(installation key, debtor id)>}, not reversible without the key and never the same across
 * installations) and stripped of personal data: transcripts lose their texts, slots are emptied, outbound bodies
 * cleared, agents' notes erased; webchat links, WhatsApp inbound messages and media are deleted. Finally every remaining document that
 * points at the debtor (by pseudonym or conversation) is scanned and any string holding the name, phone, e-mail
 * or a linked WhatsApp id is replaced. Each step is idempotent, so a failed erasure can simply be repeated.
 */
@Component
public class DebtorErasure {

    static final String ERASED = "[erased]";
    static final String LOG_COLLECTION = "erasures";
    /** Fields that hold codes, never personal data: left alone by the scan so the aggregates stay intact. */
    private static final Set<String> STRUCTURAL = Set.of("_id", "status", "type", "flowId", "step", "disposition",
            "channel", "reason", "queue", "kind", "state", "debtorId", "conversationId");
    private static final Logger log = LoggerFactory.getLogger(DebtorErasure.class);

    private final ReactiveMongoTemplate mongo;
    private final OperationsSecrets secrets;
    private final Path dataDir;

    public DebtorErasure(ReactiveMongoTemplate mongo, OperationsSecrets secrets, BotProperties bot) {
        this.mongo = mongo;
        this.secrets = secrets;
        this.dataDir = bot.dataDir();
    }

    /** What was done, counted per collection. */
    public record Erased(String pseudonym, Map<String, Long> changed) {
    }

    /** Empty when no debtor has this id. */
    public Mono<Erased> erase(String debtorId, Instant now) {
        return mongo.findById(debtorId, Document.class, "debtors")
                .flatMap(debtor -> pseudonym(debtorId).flatMap(pseudonym -> run(debtor, pseudonym, now)));
    }

    /** The pseudonym an erased debtor's records carry. */
    public Mono<String> pseudonym(String debtorId) {
        return secrets.secret("erasure-key", null).map(key -> "erased-" + hmac(key, debtorId).substring(0, 32));
    }

    private Mono<Erased> run(Document debtor, String pseudonym, Instant now) {
        String id = debtor.getString("_id");
        Set<String> secretsOfDebtor = personalStrings(debtor);
        List<String> keys = channelKeys(debtor);
        Map<String, Long> changed = new LinkedHashMap<>();
        return mongo.find(Query.query(Criteria.where("debtorId").is(id)), Document.class, "conversations")
                .map(c -> c.getString("_id")).collectList()
                .flatMap(conversationIds -> Flux.concat(
                                count(changed, "messages", mongo.updateMulti(
                                        Query.query(Criteria.where("conversationId").in(conversationIds)),
                                        new Update().set("text", ERASED).unset("options").unset("media"), "messages")
                                        .map(r -> r.getModifiedCount())),
                                count(changed, "conversations", mongo.updateMulti(
                                        Query.query(Criteria.where("debtorId").is(id)),
                                        new Update().set("debtorId", pseudonym).set("externalUserId", pseudonym)
                                                .set("slots", new Document()).set("slotTypes", new Document())
                                                .unset("lastTurn"),
                                        "conversations").map(r -> r.getModifiedCount())),
                                count(changed, "agent_outcomes", mongo.updateMulti(
                                        Query.query(Criteria.where("conversationId").in(conversationIds).and("note").ne(null)),
                                        new Update().set("note", ERASED), "agent_outcomes").map(r -> r.getModifiedCount())),
                                count(changed, "webchat_links", mongo.remove(Query.query(Criteria.where("debtorId").is(id)),
                                        "webchat_links").map(r -> r.getDeletedCount())),
                                count(changed, "whatsapp_inbound", mongo.remove(Query.query(new Criteria().orOperator(
                                        Criteria.where("phone").in(keys), Criteria.where("bsuid").in(keys),
                                        Criteria.where("conversationId").in(conversationIds))), "whatsapp_inbound")
                                        .map(r -> r.getDeletedCount())),
                                count(changed, "whatsapp_media", deleteMedia(id, keys)),
                                count(changed, "whatsapp_outbox", mongo.updateMulti(Query.query(new Criteria().orOperator(
                                                Criteria.where("debtorId").is(id), Criteria.where("to").in(keys))),
                                        new Update().set("debtorId", pseudonym).set("to", pseudonym).set("body", "{}"),
                                        "whatsapp_outbox").map(r -> r.getModifiedCount())),
                                count(changed, "debtors", mongo.remove(Query.query(Criteria.where("_id").is(id)), "debtors")
                                        .map(r -> r.getDeletedCount())))
                        .then(rekeyEverywhere(id, pseudonym, changed))
                        .then(scrubLinked(pseudonym, conversationIds, secretsOfDebtor, changed)))
                .then(mongo.insert(new Document("_id", pseudonym).append("erasedAt", Date.from(now))
                        .append("changed", new Document(changed)), LOG_COLLECTION)
                        .onErrorResume(org.springframework.dao.DuplicateKeyException.class, e -> Mono.empty()))
                .then(Mono.fromSupplier(() -> {
                    log.info("debtor.erased pseudonym={} changed={}", pseudonym, changed);
                    return new Erased(pseudonym, changed);
                }));
    }

    /**
     * Every other collection: documents keyed by the debtor id now carry the pseudonym, also in composite ids such
     * as {@code campaignId:debtorId} (such a document is re-inserted under the new id, then the old one removed).
     */
    private Mono<Void> rekeyEverywhere(String id, String pseudonym, Map<String, Long> changed) {
        return mongo.getCollectionNames()
                .filter(name -> !name.equals(LOG_COLLECTION))
                .concatMap(name -> mongo.find(Query.query(Criteria.where("debtorId").is(id)), Document.class, name)
                        .filter(doc -> doc.get("_id") instanceof String key && key.contains(id))
                        .concatMap(doc -> {
                            Object oldId = doc.get("_id");
                            Document copy = new Document(doc);
                            copy.put("_id", ((String) oldId).replace(id, pseudonym));
                            copy.put("debtorId", pseudonym);
                            return mongo.save(copy, name)
                                    .then(mongo.remove(Query.query(Criteria.where("_id").is(oldId)), name))
                                    .thenReturn(1L);
                        })
                        .reduce(0L, Long::sum)
                        .flatMap(n -> count(changed, name, Mono.just(n)))
                        .then(count(changed, name, mongo.updateMulti(Query.query(Criteria.where("debtorId").is(id)),
                                new Update().set("debtorId", pseudonym), name).map(r -> r.getModifiedCount()))))
                .then();
    }

    /** Scans what still points at the debtor and replaces strings holding their personal data. */
    private Mono<Void> scrubLinked(String pseudonym, List<String> conversationIds, Set<String> personal,
                                   Map<String, Long> changed) {
        if (personal.isEmpty()) {
            return Mono.empty();
        }
        Criteria linked = new Criteria().orOperator(Criteria.where("debtorId").is(pseudonym),
                Criteria.where("conversationId").in(conversationIds), Criteria.where("_id").in(conversationIds));
        return mongo.getCollectionNames()
                .concatMap(name -> mongo.find(Query.query(linked), Document.class, name)
                        .concatMap(doc -> {
                            Document clean = (Document) scrub(doc, personal);
                            if (clean.equals(doc)) {
                                return Mono.empty();
                            }
                            return mongo.getCollection(name).flatMap(c -> Mono.from(c.replaceOne(
                                    new Document("_id", doc.get("_id")), clean))).thenReturn(1L);
                        })
                        .reduce(0L, Long::sum)
                        .doOnNext(n -> {
                            if (n > 0) {
                                changed.merge(name, n, Long::sum);
                            }
                        }))
                .then();
    }

    static Object scrub(Object value, Set<String> personal) {
        if (value instanceof Document d) {
            Document copy = new Document();
            d.forEach((k, v) -> copy.append(k, STRUCTURAL.contains(k) ? v : scrub(v, personal)));
            return copy;
        }
        if (value instanceof Map<?, ?> m) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            m.forEach((k, v) -> copy.put(k, scrub(v, personal)));
            return copy;
        }
        if (value instanceof Collection<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(scrub(v, personal)));
            return copy;
        }
        if (value instanceof String s) {
            String lower = s.toLowerCase();
            for (String p : personal) {
                if (lower.contains(p)) {
                    return ERASED;
                }
            }
        }
        return value;
    }

    private Mono<Long> deleteMedia(String id, List<String> keys) {
        Query query = Query.query(new Criteria().orOperator(Criteria.where("debtorId").is(id), Criteria.where("from").in(keys)));
        return mongo.find(query, Document.class, "whatsapp_media")
                .concatMap(doc -> Mono.fromCallable(() -> {
                    String path = doc.getString("path");
                    if (path != null) {
                        Path file = dataDir.resolve(path).normalize();
                        if (file.startsWith(dataDir.normalize())) {
                            Files.deleteIfExists(file);
                        }
                    }
                    return doc;
                }).subscribeOn(Schedulers.boundedElastic()))
                .then(mongo.remove(query, "whatsapp_media").map(r -> r.getDeletedCount()));
    }

    private static Mono<Void> count(Map<String, Long> changed, String name, Mono<Long> step) {
        return step.doOnNext(n -> {
            if (n > 0) {
                changed.merge(name, n, Long::sum);
            }
        }).then();
    }

    /** The phone (as stored and as digits) and the linked WhatsApp ids: how channel records name the debtor. */
    static List<String> channelKeys(Document debtor) {
        Set<String> keys = new LinkedHashSet<>();
        String phone = debtor.getString("phone");
        if (phone != null && !phone.isBlank()) {
            keys.add(phone);
            keys.add(phone.replaceAll("[^0-9]", ""));
            keys.add("+" + phone.replaceAll("[^0-9]", ""));
        }
        Object bsuids = debtor.get("bsuids");
        if (bsuids instanceof Collection<?> list) {
            list.forEach(b -> keys.add(String.valueOf(b)));
        }
        return new ArrayList<>(keys);
    }

    /** Lower-cased strings that identify the debtor (name parts of 3+ letters, phone digits, e-mail, WhatsApp ids). */
    static Set<String> personalStrings(Document debtor) {
        Set<String> out = new LinkedHashSet<>();
        String name = debtor.getString("name");
        if (name != null && !name.isBlank()) {
            out.add(name.toLowerCase().strip());
            for (String part : name.toLowerCase().split("\\s+")) {
                if (part.length() >= 3) {
                    out.add(part);
                }
            }
        }
        String email = debtor.getString("email");
        if (email != null && !email.isBlank()) {
            out.add(email.toLowerCase());
        }
        for (String key : channelKeys(debtor)) {
            if (key.replaceAll("[^0-9]", "").length() >= 7 || !key.matches("[+0-9]*")) {
                out.add(key.toLowerCase());
            }
        }
        String hash = debtor.getString("documentHash");
        if (hash != null && !hash.isBlank()) {
            out.add(hash.toLowerCase());
        }
        return out;
    }

    static String hmac(byte[] key, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

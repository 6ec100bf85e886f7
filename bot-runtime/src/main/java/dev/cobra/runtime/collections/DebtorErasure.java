package dev.cobra.runtime.collections;

import dev.cobra.runtime.conversation.state.ConversationStore;
import dev.cobra.runtime.debtor.DebtorStore;
import dev.cobra.runtime.persistence.CollectionOwner;
import dev.cobra.runtime.persistence.DebtorRecords;
import dev.cobra.runtime.persistence.ErasureSweep;
import dev.cobra.runtime.security.OperationsSecrets;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * GDPR erasure of one debtor, through the stores that own the records ({@link DebtorRecords}): each re-keys what it
 * keeps for the aggregates (conversations, promises, payments, outbound statuses, events, audit rows) to a
 * pseudonym ({@code erased-<HMAC(installation key, debtor id)>}, not reversible without the key and never the same
 * across installations) and strips personal data (transcripts lose their texts, slots are emptied, outbound bodies
 * cleared, agents' notes erased; webchat links, WhatsApp inbound messages and media are deleted), then scans its
 * remaining documents that point at the debtor and replaces any string holding the name, phone, e-mail or a linked
 * WhatsApp id. The portfolio record goes last. Each step is idempotent, so a failed erasure can simply be repeated;
 * the log of erasures ({@code erasures}) is this class's own.
 */
@Component
@CollectionOwner("erasures")
public class DebtorErasure {

    static final String ERASED = ErasureSweep.ERASED;
    private static final String LOG_COLLECTION = "erasures";
    private static final Logger log = LoggerFactory.getLogger(DebtorErasure.class);

    private final ReactiveMongoTemplate mongo;
    private final OperationsSecrets secrets;
    private final DebtorStore portfolio;
    private final ConversationStore conversations;
    private final List<DebtorRecords> stores;

    public DebtorErasure(ReactiveMongoTemplate mongo, OperationsSecrets secrets, DebtorStore portfolio,
                         ConversationStore conversations, List<DebtorRecords> stores) {
        this.mongo = mongo;
        this.secrets = secrets;
        this.portfolio = portfolio;
        this.conversations = conversations;
        this.stores = stores;
    }

    /** What was done, counted per collection. */
    public record Erased(String pseudonym, Map<String, Long> changed) {
    }

    /** Empty when no debtor has this id. */
    public Mono<Erased> erase(String debtorId, Instant now) {
        return portfolio.identity(debtorId)
                .flatMap(identity -> pseudonym(debtorId).flatMap(pseudonym -> run(identity, pseudonym, now)));
    }

    /** The pseudonym an erased debtor's records carry. */
    public Mono<String> pseudonym(String debtorId) {
        return secrets.secret("erasure-key", null).map(key -> "erased-" + hmac(key, debtorId).substring(0, 32));
    }

    private Mono<Erased> run(DebtorStore.Identity identity, String pseudonym, Instant now) {
        String id = identity.id();
        Map<String, Long> changed = new LinkedHashMap<>();
        // The portfolio record is removed last: until then a repeated erasure still finds the debtor.
        DebtorRecords directory = stores.stream().filter(s -> s == portfolio).findFirst().orElse(null);
        return conversations.findByDebtor(id).map(c -> c.id()).collectList()
                .map(ids -> new DebtorRecords.Erasure(id, pseudonym, ids, channelKeys(identity), personalStrings(identity)))
                .flatMap(erasure -> Flux.fromIterable(stores).filter(s -> s != directory)
                        .concatMap(s -> s.erase(erasure))
                        .concatWith(directory == null ? Flux.empty() : directory.erase(erasure))
                        .doOnNext(counts -> counts.forEach((k, v) -> changed.merge(k, v, Long::sum)))
                        .then())
                .then(mongo.insert(new Document("_id", pseudonym).append("erasedAt", Date.from(now))
                        .append("changed", new Document(changed)), LOG_COLLECTION)
                        .onErrorResume(org.springframework.dao.DuplicateKeyException.class, e -> Mono.empty()))
                .then(Mono.fromSupplier(() -> {
                    log.info("debtor.erased pseudonym={} changed={}", pseudonym, changed);
                    return new Erased(pseudonym, changed);
                }));
    }

    /** The phone (as stored and as digits) and the linked WhatsApp ids: how channel records name the debtor. */
    static List<String> channelKeys(DebtorStore.Identity debtor) {
        Set<String> keys = new LinkedHashSet<>();
        String phone = debtor.phone();
        if (phone != null && !phone.isBlank()) {
            keys.add(phone);
            keys.add(phone.replaceAll("[^0-9]", ""));
            keys.add("+" + phone.replaceAll("[^0-9]", ""));
        }
        keys.addAll(debtor.bsuids());
        return new ArrayList<>(keys);
    }

    /** Lower-cased strings that identify the debtor (name parts of 3+ letters, phone digits, e-mail, WhatsApp ids). */
    static Set<String> personalStrings(DebtorStore.Identity debtor) {
        Set<String> out = new LinkedHashSet<>();
        String name = debtor.name();
        if (name != null && !name.isBlank()) {
            out.add(name.toLowerCase().strip());
            for (String part : name.toLowerCase().split("\\s+")) {
                if (part.length() >= 3) {
                    out.add(part);
                }
            }
        }
        String email = debtor.email();
        if (email != null && !email.isBlank()) {
            out.add(email.toLowerCase());
        }
        for (String key : channelKeys(debtor)) {
            if (key.replaceAll("[^0-9]", "").length() >= 7 || !key.matches("[+0-9]*")) {
                out.add(key.toLowerCase());
            }
        }
        String hash = debtor.documentHash();
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

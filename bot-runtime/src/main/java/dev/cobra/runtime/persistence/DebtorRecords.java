package dev.cobra.runtime.persistence;

import org.bson.Document;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A store whose collections hold records about a debtor. GDPR erasure and export call every such store (never the
 * collections directly): each re-keys its own records to the pseudonym and strips personal data, or lists them.
 */
public interface DebtorRecords {

    /**
     * Erases the debtor from this store's collections.
     *
     * @return documents changed or removed, per collection (collections with none may be left out)
     */
    Mono<Map<String, Long>> erase(Erasure erasure);

    /** The debtor's records for a data export, per part name; none by default. */
    default Mono<Map<String, List<Document>>> export(String debtorId, List<String> conversationIds) {
        return Mono.just(Map.of());
    }

    /**
     * One debtor's erasure: the pseudonym their kept records carry, their conversations, the channel keys that name
     * them (phone forms, WhatsApp ids) and the lower-cased strings that identify them (name parts, phone, e-mail).
     */
    record Erasure(String debtorId, String pseudonym, List<String> conversationIds, List<String> channelKeys,
                   Set<String> personal) {
    }
}

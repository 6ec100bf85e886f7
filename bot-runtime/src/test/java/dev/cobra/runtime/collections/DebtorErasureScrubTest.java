package dev.cobra.runtime.collections;

import dev.cobra.runtime.debtor.DebtorStore;
import dev.cobra.runtime.persistence.ErasureSweep;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The final pass of an erasure: which strings identify a debtor, and what is replaced in a linked document. */
class DebtorErasureScrubTest {

    private final DebtorStore.Identity debtor = new DebtorStore.Identity("D-1", "Ana María Pérez", "+57 300 123 4567",
            "Ana@Example.com", List.of("CO.99887766"), "ABCDEF0123");

    @Test
    void personalStringsCoverNamePartsPhoneFormsEmailLinkedIdsAndTheDocumentHash() {
        Set<String> personal = DebtorErasure.personalStrings(debtor);
        assertThat(personal).contains("ana maría pérez", "ana", "maría", "pérez", "573001234567", "+573001234567",
                "ana@example.com", "co.99887766", "abcdef0123");
        assertThat(DebtorErasure.channelKeys(debtor)).contains("573001234567", "+573001234567", "CO.99887766");
    }

    @Test
    void scrubReplacesStringsHoldingPersonalDataButLeavesCodesAlone() {
        Document doc = new Document("_id", "x").append("status", "OPEN").append("debtorId", "erased-1")
                .append("note", "Llamar a Pérez al 573001234567").append("amount", "500000")
                .append("nested", new Document("who", "ana@example.com").append("list", List.of("ok", "MARÍA")))
                .append("map", Map.of("k", "fine"));
        Document clean = (Document) ErasureSweep.scrub(doc, DebtorErasure.personalStrings(debtor));
        assertThat(clean.getString("note")).isEqualTo(DebtorErasure.ERASED);
        assertThat(clean.get("nested", Document.class).getString("who")).isEqualTo(DebtorErasure.ERASED);
        assertThat(clean.get("nested", Document.class).getList("list", String.class)).containsExactly("ok", DebtorErasure.ERASED);
        assertThat(clean.getString("amount")).isEqualTo("500000");
        assertThat(clean.getString("status")).isEqualTo("OPEN");
        assertThat(clean.getString("debtorId")).isEqualTo("erased-1");
        assertThat(doc.getString("note")).as("the original is not changed").startsWith("Llamar");
    }
}

package dev.cobra.runtime.collections;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The final pass of an erasure: which strings identify a debtor, and what is replaced in a linked document. */
class DebtorErasureScrubTest {

    private final Document debtor = new Document("_id", "D-1").append("name", "Ana María Pérez")
            .append("phone", "+57 300 123 4567").append("email", "Ana@Example.com").append("bsuids", List.of("CO.99887766"))
            .append("documentHash", "ABCDEF0123");

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
        Document clean = (Document) DebtorErasure.scrub(doc, DebtorErasure.personalStrings(debtor));
        assertThat(clean.getString("note")).isEqualTo(DebtorErasure.ERASED);
        assertThat(clean.get("nested", Document.class).getString("who")).isEqualTo(DebtorErasure.ERASED);
        assertThat(clean.get("nested", Document.class).getList("list", String.class)).containsExactly("ok", DebtorErasure.ERASED);
        assertThat(clean.getString("amount")).isEqualTo("500000");
        assertThat(clean.getString("status")).isEqualTo("OPEN");
        assertThat(clean.getString("debtorId")).isEqualTo("erased-1");
        assertThat(doc.getString("note")).as("the original is not changed").startsWith("Llamar");
    }
}

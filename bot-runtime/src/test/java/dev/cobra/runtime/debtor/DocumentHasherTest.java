package dev.cobra.runtime.debtor;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentHasherTest {

    @Test
    void theRightDigitsMatchAndOthersDoNot() {
        String stored = DocumentHasher.hash("1234");
        assertThat(DocumentHasher.matches("1234", stored)).isTrue();
        assertThat(DocumentHasher.matches(" 1234 ", stored)).isTrue();
        assertThat(DocumentHasher.matches("1235", stored)).isFalse();
        assertThat(DocumentHasher.matches(null, stored)).isFalse();
        assertThat(DocumentHasher.matches("1234", null)).isFalse();
        assertThat(DocumentHasher.matches("1234", "garbage")).isFalse();
    }

    @Test
    void equalDigitsGiveDifferentStoredValuesThatNeverContainTheDigits() {
        String first = DocumentHasher.hash("1234");
        String second = DocumentHasher.hash("1234");
        assertThat(first).isNotEqualTo(second).doesNotContain("1234").startsWith("sha256$");
    }
}

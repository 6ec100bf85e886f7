package dev.cobra.runtime.debtor;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneNumbersTest {

    @Test
    void numbersWithOrWithoutPlusNormaliseToTheSameE164() {
        assertThat(PhoneNumbers.normalize("573001234567")).contains("+573001234567");
        assertThat(PhoneNumbers.normalize("+57 (300) 123-4567")).contains("+573001234567");
        assertThat(PhoneNumbers.normalize("0301234567")).isEmpty();
        assertThat(PhoneNumbers.normalize("+12")).isEmpty();
        assertThat(PhoneNumbers.normalize(null)).isEmpty();
    }

    @Test
    void maskingKeepsOnlyTheCountryCodeAndTheLastTwoDigits() {
        assertThat(PhoneNumbers.mask("+573001234567")).isEqualTo("+57********67");
    }
}

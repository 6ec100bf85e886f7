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
    void mexicanMobilesMatchWithAndWithoutTheOldWhatsAppMobilePrefix() {
        assertThat(PhoneNumbers.lookupCandidates("5215512345678")).containsExactly("+5215512345678", "+525512345678");
        assertThat(PhoneNumbers.lookupCandidates("+525512345678")).containsExactly("+525512345678", "+5215512345678");
        assertThat(PhoneNumbers.lookupCandidates("573001234567")).containsExactly("+573001234567");
        assertThat(PhoneNumbers.lookupCandidates("abc")).isEmpty();
    }

    @Test
    void maskingKeepsOnlyTheCountryCodeAndTheLastTwoDigits() {
        assertThat(PhoneNumbers.mask("+573001234567")).isEqualTo("+57********67");
    }
}

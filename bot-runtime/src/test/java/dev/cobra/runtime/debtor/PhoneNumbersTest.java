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
    void nationalNumbersAreReadInTheDebtorsCountry() {
        assertThat(PhoneNumbers.normalize("300 123 4567", "CO")).contains("+573001234567");
        assertThat(PhoneNumbers.normalize("(55) 1234-5678", "mx")).contains("+525512345678");
        assertThat(PhoneNumbers.normalize("612 34 56 78", "ES")).contains("+34612345678");
        assertThat(PhoneNumbers.normalize("(212) 555-0142", "US")).contains("+12125550142");
        assertThat(PhoneNumbers.normalize("+57 300 123 4567", "US")).as("an international number wins").contains("+573001234567");
        assertThat(PhoneNumbers.normalize("573001234567", "CO")).as("WhatsApp's digits").contains("+573001234567");
        assertThat(PhoneNumbers.normalize("300 12", "CO")).isEmpty();
    }

    @Test
    void mexicanMobilesMatchWithAndWithoutTheOldWhatsAppMobilePrefix() {
        assertThat(PhoneNumbers.lookupCandidates("5215512345678")).containsExactlyInAnyOrder("+5215512345678", "+525512345678");
        assertThat(PhoneNumbers.normalize("5215512345678")).as("libphonenumber drops the old mobile 1").contains("+525512345678");
        assertThat(PhoneNumbers.lookupCandidates("+525512345678")).containsExactly("+525512345678", "+5215512345678");
        assertThat(PhoneNumbers.lookupCandidates("573001234567")).containsExactly("+573001234567");
        assertThat(PhoneNumbers.lookupCandidates("abc")).isEmpty();
    }

    @Test
    void maskingKeepsOnlyTheCountryCodeAndTheLastTwoDigits() {
        assertThat(PhoneNumbers.mask("+573001234567")).isEqualTo("+57********67");
    }
}

package dev.cobra.flow.template;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The grouping written without a formatter per amount matches what DecimalFormat writes, digit for digit. */
class LocaleFormatsGroupingTest {

    @Test
    void groupsLikeDecimalFormatForWholeAndCentAmounts() {
        Random random = new Random(7);
        for (int digits : new int[] {0, 2, 3}) {
            DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.ROOT);
            symbols.setGroupingSeparator('.');
            symbols.setDecimalSeparator(',');
            DecimalFormat reference = new DecimalFormat(digits == 0 ? "#,##0" : "#,##0." + "0".repeat(digits), symbols);
            for (int i = 0; i < 2_000; i++) {
                BigDecimal amount = BigDecimal.valueOf(random.nextLong() % 10_000_000_000L, random.nextInt(4))
                        .setScale(digits, RoundingMode.HALF_UP);
                assertThat(LocaleFormats.grouped(amount, '.', ','))
                        .as(amount.toPlainString()).isEqualTo(reference.format(amount));
            }
        }
    }

    @Test
    void smallAndRoundAmounts() {
        assertThat(LocaleFormats.grouped(new BigDecimal("0"), '.', ',')).isEqualTo("0");
        assertThat(LocaleFormats.grouped(new BigDecimal("999"), ',', '.')).isEqualTo("999");
        assertThat(LocaleFormats.grouped(new BigDecimal("1000"), ',', '.')).isEqualTo("1,000");
        assertThat(LocaleFormats.grouped(new BigDecimal("1250000"), '.', ',')).isEqualTo("1.250.000");
        assertThat(LocaleFormats.grouped(new BigDecimal("2300.50"), '.', ',')).isEqualTo("2.300,50");
    }
}

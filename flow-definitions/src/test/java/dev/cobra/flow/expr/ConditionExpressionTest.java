package dev.cobra.flow.expr;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConditionExpressionTest {

    private static Map<String, Object> vars(long daysPastDue, Boolean verified, int attempts) {
        Map<String, Object> slots = new HashMap<>();
        slots.put("verificationAttempts", attempts);
        slots.put("promiseDate", LocalDate.of(2026, 11, 27));
        slots.put("installments", 6);
        Map<String, Object> vars = new HashMap<>();
        vars.put("debt", Map.of("daysPastDue", daysPastDue, "balance", new BigDecimal("1250000.00"), "currency", "COP"));
        vars.put("slots", slots);
        vars.put("verified", verified);
        vars.put("debtor", Map.of("country", "CO"));
        return vars;
    }

    private static boolean eval(String expression, Map<String, Object> vars) {
        return ConditionExpression.parse(expression).evaluate(vars);
    }

    @Test
    void comparesNumbersByValueWhateverTheirJavaType() {
        assertThat(eval("debt.daysPastDue > 90", vars(91, true, 0))).isTrue();
        assertThat(eval("debt.daysPastDue > 90", vars(90, true, 0))).isFalse();
        assertThat(eval("debt.daysPastDue <= 0", vars(-3, true, 0))).isTrue();
        assertThat(eval("debt.balance == 1250000", vars(1, true, 0))).isTrue();
        assertThat(eval("slots.verificationAttempts >= 3", vars(1, false, 3))).isTrue();
        assertThat(eval("slots.installments < 6.5", vars(1, false, 3))).isTrue();
    }

    @Test
    void combinesWithAndOrNotAndParenthesesWithTheUsualPrecedence() {
        Map<String, Object> vars = vars(100, false, 1);
        assertThat(eval("!verified && debt.daysPastDue > 90", vars)).isTrue();
        assertThat(eval("verified || debt.daysPastDue > 90 && slots.verificationAttempts == 2", vars)).isFalse();
        assertThat(eval("(verified || debt.daysPastDue > 90) && slots.verificationAttempts != 2", vars)).isTrue();
        assertThat(eval("!(debt.daysPastDue > 90)", vars)).isFalse();
    }

    @Test
    void comparesTextsBooleansAndNull() {
        Map<String, Object> vars = vars(1, true, 0);
        assertThat(eval("debtor.country == 'CO'", vars)).isTrue();
        assertThat(eval("debtor.country != \"MX\"", vars)).isTrue();
        assertThat(eval("verified == true", vars)).isTrue();
        assertThat(eval("verified == false", vars)).isFalse();
        assertThat(eval("slots.missing == null", vars)).isTrue();
        assertThat(eval("debtor.country == null", vars)).isFalse();
    }

    @Test
    void aMissingPathIsNullAndNeverOrderedOrTrue() {
        Map<String, Object> vars = vars(1, null, 0);
        assertThat(eval("verified", vars)).isFalse();
        assertThat(eval("slots.unknown > 0", vars)).isFalse();
        assertThat(eval("slots.unknown < 0", vars)).isFalse();
        assertThat(eval("nothing.at.all", Map.of())).isFalse();
    }

    @Test
    void comparesDatesWithDatesAndIsoStrings() {
        Map<String, Object> vars = vars(1, true, 0);
        assertThat(eval("slots.promiseDate > '2026-11-20'", vars)).isTrue();
        assertThat(eval("slots.promiseDate == '2026-11-27'", vars)).isTrue();
        assertThat(eval("slots.promiseDate < '2026-11-27'", vars)).isFalse();
    }

    @Test
    void listsThePathsItReads() {
        assertThat(ConditionExpression.parse("verified == true && slots.verificationAttempts >= 3 || debt.balance > 0").paths())
                .containsExactly("verified", "slots.verificationAttempts", "debt.balance");
    }

    @Test
    void rejectsMalformedExpressionsWithThePosition() {
        assertThatThrownBy(() -> ConditionExpression.parse("debt.daysPastDue >")).isInstanceOf(ConditionSyntaxException.class);
        assertThatThrownBy(() -> ConditionExpression.parse("(verified")).isInstanceOf(ConditionSyntaxException.class)
                .hasMessageContaining("')' expected");
        assertThatThrownBy(() -> ConditionExpression.parse("a == 'open")).isInstanceOf(ConditionSyntaxException.class);
        assertThatThrownBy(() -> ConditionExpression.parse("a = 1")).isInstanceOf(ConditionSyntaxException.class);
        assertThatThrownBy(() -> ConditionExpression.parse("  ")).isInstanceOf(ConditionSyntaxException.class);
        assertThatThrownBy(() -> ConditionExpression.parse("a.b. > 1")).isInstanceOf(ConditionSyntaxException.class);
    }
}

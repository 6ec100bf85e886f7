package dev.cobra.flow.validate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InputStepRuleTest {

    private final InputStepRule rule = new InputStepRule();

    private static String input(String body) {
        return "id: t\nentry: i\nsteps:\n  i: {type: input, text: q, next: e, " + body + "}\n  e: {type: end}\n";
    }

    @Test
    void slotAndEntityAreRequired() {
        assertThat(Flows.check(rule, input("retries: 1"))).extracting(FlowProblem::code)
                .containsExactly(InputStepRule.MISSING_SLOT, InputStepRule.MISSING_ENTITY);
    }

    @Test
    void validationMustFitTheEntity() {
        assertThat(Flows.check(rule, input("slot: d, entity: date, validation: {min: '1', pattern: '\\\\d'}")))
                .extracting(FlowProblem::code).containsExactly(InputStepRule.BAD_VALIDATION, InputStepRule.BAD_VALIDATION);
        assertThat(Flows.check(rule, input("slot: a, entity: amount, validation: {max: 'debt.saldo'}")))
                .singleElement().satisfies(p -> assertThat(p.message()).contains("debt.saldo"));
        assertThat(Flows.check(rule, input("slot: t, entity: text, validation: {pattern: '(unclosed'}")))
                .extracting(FlowProblem::code).containsExactly(InputStepRule.BAD_VALIDATION);
    }

    @Test
    void boundsMayBeNumbersOrSuppliedVariables() {
        assertThat(Flows.check(rule, input("slot: a, entity: amount, validation: {min: '1', max: 'debt.balance'}"))).isEmpty();
        assertThat(Flows.check(rule, input("slot: d, entity: date, validation: {maxDaysAhead: 10}"))).isEmpty();
        assertThat(Flows.check(rule, input("slot: doc, entity: document, validation: {pattern: '\\\\d{4}'}"))).isEmpty();
    }
}

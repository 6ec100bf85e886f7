package dev.cobra.flow.validate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConditionExpressionRuleTest {

    private final ConditionExpressionRule rule = new ConditionExpressionRule();

    private static String flowWith(String when) {
        return "id: t\nentry: c\nsteps:\n  c: {type: condition, branches: [{when: \"" + when + "\", next: e}], otherwise: e}\n  e: {type: end}\n";
    }

    @Test
    void aMalformedExpressionIsReportedOnItsStep() {
        assertThat(Flows.check(rule, flowWith("debt.daysPastDue >"))).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(ConditionExpressionRule.BAD_CONDITION);
            assertThat(p.stepId()).isEqualTo("c");
        });
    }

    @Test
    void anUnknownVariableOrFieldIsReported() {
        assertThat(Flows.check(rule, flowWith("debt.dayspastdue > 3 || customer.vip")))
                .extracting(FlowProblem::code).containsExactly(ConditionExpressionRule.UNKNOWN_VARIABLE,
                        ConditionExpressionRule.UNKNOWN_VARIABLE);
    }

    @Test
    void expressionsOverSuppliedVariablesPass() {
        assertThat(Flows.check(rule, flowWith("verified == true && slots.anything >= 3 && debt.daysPastDue <= 0"))).isEmpty();
    }
}

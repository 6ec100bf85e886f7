package dev.cobra.flow.validate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ActionParamsRuleTest {

    private final ActionParamsRule rule = new ActionParamsRule();

    private static String action(String body) {
        return "id: t\nentry: a\nsteps:\n  a: {type: action, next: e, " + body + "}\n  e: {type: end}\n";
    }

    @Test
    void aBuiltInWithoutItsParametersIsReported() {
        assertThat(Flows.check(rule, action("action: record_promise, params: {date: promiseDate}")))
                .singleElement().satisfies(p -> {
                    assertThat(p.code()).isEqualTo(ActionParamsRule.MISSING_PARAM);
                    assertThat(p.message()).contains("amount");
                });
    }

    @Test
    void anUnknownDispositionIsReported() {
        assertThat(Flows.check(rule, action("action: set_disposition, params: {disposition: HAPPY}")))
                .extracting(FlowProblem::code).containsExactly(ActionParamsRule.BAD_PARAM);
    }

    @Test
    void aMissingActionIsReportedAndCompleteActionsPass() {
        assertThat(Flows.check(rule, action("text: hi"))).extracting(FlowProblem::code)
                .containsExactly(ActionParamsRule.MISSING_ACTION);
        assertThat(Flows.check(rule, action("action: set_slot, params: {slot: x, value: 12}"))).isEmpty();
        assertThat(Flows.check(rule, action("action: payment_link"))).isEmpty();
    }
}

package dev.cobra.flow.validate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RepairSettingsRuleTest {

    private final RepairSettingsRule rule = new RepairSettingsRule();

    private static String flow(String repair) {
        return "id: t\nentry: m\nrepair: " + repair + "\nsteps:\n  m: {type: menu, text: q, options: [{id: a, title: A, next: e}]}\n"
                + "  e: {type: end}\n";
    }

    @Test
    void answersAndACancelTargetThatFitPass() {
        assertThat(Flows.check(rule, flow("{answers: {ask_payment_methods: {es: 'Con tarjeta', en: 'By card'}}, cancelTarget: m, "
                + "cancel: true, correction: false, clarification: true, closingText: 'Gracias'}"))).isEmpty();
    }

    @Test
    void aGlobalIntentCannotBeAnsweredInPassing() {
        assertThat(Flows.check(rule, flow("{answers: {opt_out: 'Ok'}}")))
                .extracting(FlowProblem::code).containsExactly(RepairSettingsRule.BAD_DIGRESSION_INTENT);
    }

    @Test
    void theCancelTargetMustBeAMenuOfTheFlow() {
        assertThat(Flows.check(rule, flow("{cancelTarget: e}")))
                .extracting(FlowProblem::code).containsExactly(RepairSettingsRule.UNKNOWN_CANCEL_TARGET);
        assertThat(Flows.check(rule, flow("{cancelTarget: nowhere}")))
                .extracting(FlowProblem::code).containsExactly(RepairSettingsRule.UNKNOWN_CANCEL_TARGET);
    }
}

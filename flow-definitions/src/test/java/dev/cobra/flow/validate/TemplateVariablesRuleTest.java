package dev.cobra.flow.validate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TemplateVariablesRuleTest {

    private final TemplateVariablesRule rule = new TemplateVariablesRule();

    @Test
    void unknownVariablesAndBrokenPlaceholdersAreReportedWithStepAndLocale() {
        assertThat(Flows.check(rule, """
                id: t
                locales: [es, en]
                entry: a
                steps:
                  a:
                    type: message
                    text: {es: "Hola {{debtor.nombre}}", en: "Hi {{debtor.firstName"}
                    next: e
                  e: {type: end, text: "{{debt.balance | shout}}"}
                """)).satisfiesExactly(
                p -> {
                    assertThat(p.code()).isEqualTo(TemplateVariablesRule.UNKNOWN_VARIABLE);
                    assertThat(p.stepId()).isEqualTo("a");
                    assertThat(p.message()).contains("(es)", "debtor.nombre");
                },
                p -> {
                    assertThat(p.code()).isEqualTo(TemplateVariablesRule.BAD_TEMPLATE);
                    assertThat(p.message()).contains("(en)");
                },
                p -> {
                    assertThat(p.code()).isEqualTo(TemplateVariablesRule.BAD_TEMPLATE);
                    assertThat(p.stepId()).isEqualTo("e");
                });
    }

    @Test
    void suppliedVariablesPass() {
        assertThat(Flows.check(rule, """
                id: t
                entry: a
                steps:
                  a: {type: message, text: "{{debtor.firstName}} {{debt.balance | money}} {{slots.x | date}} {{link}} {{today | shortDate}}", next: e}
                  e: {type: end}
                """)).isEmpty();
    }
}

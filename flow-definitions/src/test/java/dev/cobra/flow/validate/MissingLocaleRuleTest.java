package dev.cobra.flow.validate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MissingLocaleRuleTest {

    private final MissingLocaleRule rule = new MissingLocaleRule();

    @Test
    void aTextWithoutOneOfTheFlowsLocalesIsReported() {
        assertThat(Flows.check(rule, """
                id: t
                locales: [es, en]
                entry: m
                steps:
                  m:
                    type: menu
                    text: {es: "Elige", en: "Choose"}
                    options: [{id: a, title: {es: "Sí"}, next: e}]
                  e: {type: end, text: "Adiós"}
                """)).extracting(FlowProblem::stepId, FlowProblem::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple("m", MissingLocaleRule.CODE),
                org.assertj.core.groups.Tuple.tuple("e", MissingLocaleRule.CODE));
    }

    @Test
    void aPlainStringCoversASingleLocaleFlow() {
        assertThat(Flows.check(rule, "id: t\nlocales: [es]\nentry: e\nsteps:\n  e: {type: end, text: Adiós}\n")).isEmpty();
    }
}

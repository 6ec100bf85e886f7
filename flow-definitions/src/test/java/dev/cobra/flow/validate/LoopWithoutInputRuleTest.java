package dev.cobra.flow.validate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoopWithoutInputRuleTest {

    private final LoopWithoutInputRule rule = new LoopWithoutInputRule();

    @Test
    void aCycleOfMessagesAndConditionsIsReportedOnceNamingItsSteps() {
        assertThat(Flows.check(rule, """
                id: t
                entry: a
                steps:
                  a: {type: message, text: hi, next: b}
                  b: {type: condition, branches: [{when: "verified", next: c}], otherwise: a}
                  c: {type: end}
                """)).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(LoopWithoutInputRule.CODE);
            assertThat(p.stepId()).isEqualTo("a");
            assertThat(p.message()).contains("a", "b");
        });
    }

    @Test
    void aStepLoopingOntoItselfIsReported() {
        assertThat(Flows.check(rule, "id: t\nentry: a\nsteps:\n  a: {type: action, action: opt_out, next: a}\n"))
                .hasSize(1);
    }

    @Test
    void aCycleThroughAMenuOrInputIsFine() {
        assertThat(Flows.check(rule, """
                id: t
                entry: a
                steps:
                  a: {type: message, text: hi, next: m}
                  m:
                    type: menu
                    text: pick
                    options: [{id: again, title: Again, next: a}]
                """)).isEmpty();
    }
}

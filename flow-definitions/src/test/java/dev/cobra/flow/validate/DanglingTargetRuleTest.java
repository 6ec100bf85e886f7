package dev.cobra.flow.validate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DanglingTargetRuleTest {

    private final DanglingTargetRule rule = new DanglingTargetRule();

    @Test
    void aTransitionToAMissingStepNamesTheSourceStepAndTheTarget() {
        assertThat(Flows.check(rule, """
                id: t
                entry: a
                steps:
                  a: {type: message, text: hi, next: b}
                  m:
                    type: menu
                    text: pick
                    options: [{id: x, title: X, next: ghost}]
                  b: {type: end}
                """)).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(DanglingTargetRule.UNKNOWN);
            assertThat(p.stepId()).isEqualTo("m");
            assertThat(p.message()).contains("ghost");
        });
    }

    @Test
    void stepsThatMoveOnMustSayWhere() {
        assertThat(Flows.check(rule, """
                id: t
                entry: a
                steps:
                  a: {type: message, text: hi}
                  c: {type: condition, branches: [{when: "verified", next: a}]}
                  i: {type: input, slot: s, entity: text, text: q}
                """)).extracting(FlowProblem::stepId, FlowProblem::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a", DanglingTargetRule.MISSING),
                org.assertj.core.groups.Tuple.tuple("c", DanglingTargetRule.MISSING),
                org.assertj.core.groups.Tuple.tuple("i", DanglingTargetRule.MISSING));
    }

    @Test
    void aSubflowThatEndsTheConversationNeedsNoNext() {
        assertThat(Flows.check(rule, "id: t\nentry: a\nsteps:\n  a: {type: subflow, flow: opt_out}\n")).isEmpty();
    }
}

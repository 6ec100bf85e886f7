package dev.cobra.flow.validate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequiredTextRuleTest {

    private final RequiredTextRule rule = new RequiredTextRule();

    @Test
    void silentStepsAndQueuelessHandoffsAreReported() {
        assertThat(Flows.check(rule, """
                id: t
                entry: a
                steps:
                  a: {type: message, next: h}
                  h: {type: handoff, text: bye}
                """)).extracting(FlowProblem::stepId, FlowProblem::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a", RequiredTextRule.MISSING_TEXT),
                org.assertj.core.groups.Tuple.tuple("h", RequiredTextRule.MISSING_QUEUE));
    }

    @Test
    void stepsWithTextAndQueuePass() {
        assertThat(Flows.check(rule, "id: t\nentry: a\nsteps:\n  a: {type: message, text: hi, next: h}\n  h: {type: handoff, queue: general}\n"))
                .isEmpty();
    }
}

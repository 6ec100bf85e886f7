package dev.cobra.flow.validate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UnreachableStepRuleTest {

    private final UnreachableStepRule rule = new UnreachableStepRule();

    @Test
    void aStepNothingLeadsToIsReported() {
        assertThat(Flows.check(rule, """
                id: t
                entry: a
                steps:
                  a: {type: message, text: hi, next: b}
                  b: {type: end}
                  orphan: {type: end}
                """)).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(UnreachableStepRule.CODE);
            assertThat(p.stepId()).isEqualTo("orphan");
        });
    }

    @Test
    void stepsReachedOnlyByAGlobalRouteCount() {
        assertThat(Flows.check(rule, """
                id: t
                entry: a
                globalRoutes: {talk_to_agent: agent, opt_out: "flow:opt_out"}
                steps:
                  a: {type: input, slot: s, entity: text, text: q, next: b}
                  b: {type: end}
                  agent: {type: handoff, queue: general}
                """)).isEmpty();
    }
}

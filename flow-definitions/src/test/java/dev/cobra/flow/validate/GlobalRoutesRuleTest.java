package dev.cobra.flow.validate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GlobalRoutesRuleTest {

    private final GlobalRoutesRule rule = new GlobalRoutesRule();

    @Test
    void routesToMissingStepsOrFlowsAndNonGlobalIntentsAreReported() {
        assertThat(Flows.check(rule, """
                id: t
                entry: a
                globalRoutes:
                  opt_out: "flow:nope"
                  complaint: ghost
                  pay_now: a
                steps:
                  a: {type: end}
                """, "opt_out")).extracting(FlowProblem::code).containsExactlyInAnyOrder(
                GlobalRoutesRule.UNKNOWN_TARGET, GlobalRoutesRule.UNKNOWN_TARGET, GlobalRoutesRule.UNKNOWN_INTENT);
    }

    @Test
    void routesToStepsAndKnownFlowsPass() {
        assertThat(Flows.check(rule, """
                id: t
                entry: a
                globalRoutes: {opt_out: "flow:opt_out", talk_to_agent: a}
                steps:
                  a: {type: end}
                """, "opt_out")).isEmpty();
    }
}

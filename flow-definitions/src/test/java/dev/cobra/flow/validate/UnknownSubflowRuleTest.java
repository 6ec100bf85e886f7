package dev.cobra.flow.validate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UnknownSubflowRuleTest {

    private final UnknownSubflowRule rule = new UnknownSubflowRule();

    private static final String YAML = "id: t\nentry: a\nsteps:\n  a: {type: subflow, flow: verification, next: b}\n  b: {type: end}\n";

    @Test
    void callingAFlowThatDoesNotExistIsReported() {
        assertThat(Flows.check(rule, YAML, "early")).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(UnknownSubflowRule.UNKNOWN);
            assertThat(p.stepId()).isEqualTo("a");
            assertThat(p.message()).contains("verification");
        });
    }

    @Test
    void callingAKnownFlowPasses() {
        assertThat(Flows.check(rule, YAML, "verification")).isEmpty();
    }

    @Test
    void aSubflowStepWithoutFlowIsReported() {
        assertThat(Flows.check(rule, "id: t\nentry: a\nsteps:\n  a: {type: subflow}\n"))
                .extracting(FlowProblem::code).containsExactly(UnknownSubflowRule.MISSING);
    }
}

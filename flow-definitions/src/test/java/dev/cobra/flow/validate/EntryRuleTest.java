package dev.cobra.flow.validate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EntryRuleTest {

    private final EntryRule rule = new EntryRule();

    @Test
    void aFlowWithoutEntryIsReported() {
        assertThat(Flows.check(rule, "id: t\nsteps:\n  a: {type: end}\n"))
                .extracting(FlowProblem::code).containsExactly(EntryRule.MISSING);
    }

    @Test
    void anEntryThatIsNotAStepIsReported() {
        assertThat(Flows.check(rule, "id: t\nentry: nowhere\nsteps:\n  a: {type: end}\n"))
                .singleElement().satisfies(p -> {
                    assertThat(p.code()).isEqualTo(EntryRule.UNKNOWN);
                    assertThat(p.flowId()).isEqualTo("t");
                    assertThat(p.message()).contains("nowhere");
                });
    }

    @Test
    void anExistingEntryPasses() {
        assertThat(Flows.check(rule, "id: t\nentry: a\nsteps:\n  a: {type: end}\n")).isEmpty();
    }
}

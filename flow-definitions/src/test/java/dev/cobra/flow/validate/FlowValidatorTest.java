package dev.cobra.flow.validate;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FlowValidatorTest {

    private final FlowValidator validator = new FlowValidator();

    @Test
    void collectsTheProblemsOfEveryRuleNamingFlowAndStep() {
        var problems = validator.validate(Flows.read("""
                id: t
                entry: a
                steps:
                  a: {type: message, text: "Hola {{nadie}}", next: missing}
                  lonely: {type: subflow, flow: unknown}
                """), Set.of());
        assertThat(problems).extracting(FlowProblem::code).contains(DanglingTargetRule.UNKNOWN,
                UnreachableStepRule.CODE, UnknownSubflowRule.UNKNOWN, TemplateVariablesRule.UNKNOWN_VARIABLE);
        assertThat(problems).allSatisfy(p -> assertThat(p.flowId()).isEqualTo("t"));
    }

    @Test
    void requireValidThrowsWithAllProblems() {
        assertThatThrownBy(() -> validator.requireValid(Flows.read("id: t\nentry: x\nsteps: {}\n"), Set.of()))
                .isInstanceOfSatisfying(InvalidFlowException.class, e -> {
                    assertThat(e.flowId()).isEqualTo("t");
                    assertThat(e.problems()).extracting(FlowProblem::code).containsExactly(EntryRule.UNKNOWN);
                });
    }
}

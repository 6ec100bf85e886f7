package dev.cobra.flow.validate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DebtBeforeVerificationRuleTest {

    private final DebtBeforeVerificationRule rule = new DebtBeforeVerificationRule();

    @Test
    void aStageFlowThatShowsTheBalanceBeforeVerifyingIsReported() {
        assertThat(Flows.check(rule, """
                id: t
                selection: {maxDaysPastDue: 30}
                entry: hello
                steps:
                  hello: {type: message, text: "Debes {{debt.balance | money}}", next: verify}
                  verify: {type: subflow, flow: verification, next: bye}
                  bye: {type: end}
                """)).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(DebtBeforeVerificationRule.CODE);
            assertThat(p.stepId()).isEqualTo("hello");
        });
    }

    @Test
    void aGlobalRouteStepThatDisclosesTheDebtIsReported() {
        assertThat(Flows.check(rule, """
                id: t
                selection: {maxDaysPastDue: 30}
                globalRoutes: {talk_to_agent: agent}
                entry: verify
                steps:
                  verify: {type: subflow, flow: verification, next: bye}
                  bye: {type: end}
                  agent: {type: handoff, queue: general, text: "Tu saldo es {{debt.balance}}"}
                """)).extracting(FlowProblem::stepId).containsExactly("agent");
    }

    @Test
    void disclosingAfterTheVerificationCallPasses() {
        assertThat(Flows.check(rule, """
                id: t
                selection: {maxDaysPastDue: 30}
                entry: hello
                steps:
                  hello: {type: message, text: "Hola {{debtor.firstName}}", next: verify}
                  verify: {type: subflow, flow: verification, next: balance}
                  balance: {type: end, text: "Debes {{debt.balance | money}}: {{link}}"}
                """)).isEmpty();
    }

    @Test
    void subflowsAreLeftToTheStageFlowThatCallsThem() {
        assertThat(Flows.check(rule, "id: t\nentry: a\nsteps:\n  a: {type: end, text: \"{{debt.balance}}\"}\n")).isEmpty();
    }
}

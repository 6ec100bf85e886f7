package dev.cobra.flow.validate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SlotFillRuleTest {

    private final SlotFillRule rule = new SlotFillRule();

    private static String input(String header, String body) {
        return "id: t\nentry: i\n" + header + "steps:\n  i: {type: input, text: q, next: e, " + body + "}\n  e: {type: end}\n";
    }

    @Test
    void builtInAndDeclaredEntitiesMayFillASlot() {
        assertThat(Flows.check(rule, input("", "slot: d, entity: date, fillFrom: [date]"))).isEmpty();
        assertThat(Flows.check(rule, input("", "slot: n, entity: installments, fillFrom: [installments, amount]"))).isEmpty();
        assertThat(Flows.check(rule, input("entities: [relationship]\n", "slot: r, entity: text, fillFrom: [relationship, person]"))).isEmpty();
        assertThat(Flows.check(rule, input("", "slot: d, entity: date, fillFrom: []"))).isEmpty();
        assertThat(Flows.check(rule, input("", "slot: r, entity: text, fillFrom: [request]"))).isEmpty();
    }

    @Test
    void theDebtorsRequestFillsTextSlotsOnly() {
        assertThat(Flows.check(rule, input("", "slot: d, entity: date, fillFrom: [request]")))
                .extracting(FlowProblem::code).containsExactly(SlotFillRule.BAD_FILL_ENTITY);
    }

    @Test
    void anUndeclaredEntityIsReported() {
        assertThat(Flows.check(rule, input("", "slot: r, entity: text, fillFrom: [relationship]")))
                .extracting(FlowProblem::code).containsExactly(SlotFillRule.UNKNOWN_FILL_ENTITY);
    }

    @Test
    void anEntityThatCannotGiveTheSlotsTypeIsReported() {
        assertThat(Flows.check(rule, input("", "slot: d, entity: date, fillFrom: [amount]")))
                .extracting(FlowProblem::code).containsExactly(SlotFillRule.BAD_FILL_ENTITY);
    }

    @Test
    void declaredNamesAndOptionEntitiesAreChecked() {
        assertThat(Flows.check(rule, input("entities: [Bad-Name]\n", "slot: d, entity: date")))
                .extracting(FlowProblem::code).containsExactly(SlotFillRule.BAD_ENTITY_NAME);
        String menu = "id: t\nentry: m\nsteps:\n  m: {type: menu, text: q, options: [{id: a, title: A, next: e, entities: [when]}]}\n  e: {type: end}\n";
        assertThat(Flows.check(rule, menu)).extracting(FlowProblem::code).containsExactly(SlotFillRule.UNKNOWN_FILL_ENTITY);
    }
}

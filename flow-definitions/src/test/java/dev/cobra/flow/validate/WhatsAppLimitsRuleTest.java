package dev.cobra.flow.validate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WhatsAppLimitsRuleTest {

    private final WhatsAppLimitsRule rule = new WhatsAppLimitsRule();

    private static String menu(String options) {
        return "id: t\nentry: m\nsteps:\n  m:\n    type: menu\n    text: Elige\n    options:\n" + options + "  e: {type: end}\n";
    }

    private static String option(String id, String title) {
        return "      - {id: " + id + ", title: \"" + title + "\", next: e}\n";
    }

    @Test
    void threeShortOptionsFitAsButtons() {
        assertThat(Flows.check(rule, menu(option("a", "Pagar ahora") + option("b", "Otra fecha") + option("c", "Hablar con alguien"))))
                .isEmpty();
    }

    @Test
    void moreThanTenOptionsDoNotFitAList() {
        StringBuilder options = new StringBuilder();
        for (int i = 0; i < 11; i++) {
            options.append(option("o" + i, "Opción " + i));
        }
        assertThat(Flows.check(rule, menu(options.toString()))).extracting(FlowProblem::code)
                .containsExactly(WhatsAppLimitsRule.TOO_MANY_OPTIONS);
    }

    @Test
    void aListRowTitleOver24CharactersIsReported() {
        String title = "x".repeat(25);
        assertThat(Flows.check(rule, menu(option("a", title) + option("b", "b") + option("c", "c") + option("d", "d"))))
                .singleElement().satisfies(p -> {
                    assertThat(p.code()).isEqualTo(WhatsAppLimitsRule.TITLE_TOO_LONG);
                    assertThat(p.message()).contains("'a'", "25");
                });
    }

    @Test
    void aTitleOf21To24CharactersTurnsButtonsIntoAListThatStillFits() {
        assertThat(Flows.check(rule, menu(option("a", "x".repeat(22)) + option("b", "b")))).isEmpty();
    }

    @Test
    void aLongRowDescriptionIsReported() {
        String yaml = menu("      - {id: a, title: A, description: \"" + "d".repeat(73) + "\", next: e}\n");
        assertThat(Flows.check(rule, yaml)).extracting(FlowProblem::code)
                .containsExactly(WhatsAppLimitsRule.DESCRIPTION_TOO_LONG);
    }

    @Test
    void theBodyLimitCountsPlaceholdersAtTheirWorstCaseLength() {
        String nearlyFull = "a".repeat(WhatsAppLimitsRule.MAX_BODY - 10);
        String fits = "id: t\nentry: a\nsteps:\n  a: {type: message, text: \"" + nearlyFull + "\", next: e}\n  e: {type: end}\n";
        String overflows = "id: t\nentry: a\nsteps:\n  a: {type: message, text: \"" + nearlyFull
                + "{{link}}\", next: e}\n  e: {type: end}\n";
        assertThat(Flows.check(rule, fits)).isEmpty();
        assertThat(Flows.check(rule, overflows)).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(WhatsAppLimitsRule.BODY_TOO_LONG);
            assertThat(p.stepId()).isEqualTo("a");
        });
        assertThat(WhatsAppLimitsRule.worstCaseLength("{{debt.balance | money}}")).isEqualTo(24);
    }

    @Test
    void aMenuWithoutOptionsIsReported() {
        assertThat(Flows.check(rule, "id: t\nentry: m\nsteps:\n  m: {type: menu, text: Elige}\n"))
                .extracting(FlowProblem::code).containsExactly(WhatsAppLimitsRule.EMPTY_MENU);
    }
}

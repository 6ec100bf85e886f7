package dev.cobra.flow.validate;

import dev.cobra.flow.model.Flow;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WindowTemplateRuleTest {

    private final WindowTemplateRule rule = new WindowTemplateRule();

    private static String flow(String whatsapp) {
        return "id: t\nentry: a\n" + whatsapp + "steps:\n  a: {type: end, text: Adiós}\n";
    }

    @Test
    void aFlowsWindowTemplateIsReadWithItsParameters() {
        Flow flow = Flows.read(flow("whatsapp:\n  windowTemplate:\n    name: cobro_seguimiento\n    language: es_MX\n"
                + "    parameters: [\"{{debtor.firstName}}\", \"{{today | date}}\"]\n"));
        assertThat(flow.ownWindowTemplate()).hasValueSatisfying(t -> {
            assertThat(t.name()).isEqualTo("cobro_seguimiento");
            assertThat(t.language()).isEqualTo("es_MX");
            assertThat(t.parameters()).containsExactly("{{debtor.firstName}}", "{{today | date}}");
        });
        assertThat(rule.check(flow, java.util.Set.of())).isEmpty();
    }

    @Test
    void aFlowWithoutOneReliesOnTheGlobalTemplate() {
        assertThat(Flows.read(flow("")).ownWindowTemplate()).isEmpty();
        assertThat(Flows.check(rule, flow(""))).isEmpty();
    }

    @Test
    void aNameMetaWouldRejectIsReported() {
        assertThat(Flows.check(rule, flow("whatsapp: {windowTemplate: {name: \"Cobro Seguimiento\"}}\n")))
                .extracting(FlowProblem::code).containsExactly(WindowTemplateRule.BAD_NAME);
    }

    @Test
    void aLanguageThatIsNotAMetaCodeIsReported() {
        assertThat(Flows.check(rule, flow("whatsapp: {windowTemplate: {name: cobro, language: es-MX}}\n")))
                .extracting(FlowProblem::code).containsExactly(WindowTemplateRule.BAD_LANGUAGE);
    }

    @Test
    void parametersMustBeFilledWellFormedAndMustNotDiscloseTheDebt() {
        assertThat(Flows.check(rule, flow("whatsapp: {windowTemplate: {name: cobro, parameters: [\"\", "
                + "\"{{debtor.nickname}}\", \"{{debt.balance | money}}\", \"{{debtor.firstName\", \"{{link}}\"]}}\n")))
                .extracting(FlowProblem::message)
                .satisfiesExactly(
                        m -> assertThat(m).contains("{{1}}").contains("empty"),
                        m -> assertThat(m).contains("{{2}}").contains("debtor.nickname"),
                        m -> assertThat(m).contains("{{3}}").contains("disclose"),
                        m -> assertThat(m).contains("{{4}}"),
                        m -> assertThat(m).contains("{{5}}").contains("disclose"));
    }

    @Test
    void theValidatorRunsTheRule() {
        assertThat(new FlowValidator().validate(Flows.read(flow("whatsapp: {windowTemplate: {name: \"Bad-Name\"}}\n")),
                java.util.Set.of())).extracting(FlowProblem::code).contains(WindowTemplateRule.BAD_NAME);
    }
}

package dev.cobra.flow.template;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateRendererTest {

    private final TemplateRenderer renderer = new TemplateRenderer();

    private Map<String, Object> vars(String currency, Object balance) {
        return Map.of(
                "debtor", Map.of("firstName", "Ana", "name", "Ana Pérez"),
                "debt", Map.of("balance", balance, "currency", currency, "dueDate", LocalDate.of(2026, 11, 10),
                        "daysPastDue", 10L, "product", "Tarjeta de crédito"),
                "slots", Map.of("promiseDate", LocalDate.of(2026, 11, 27), "promiseAmount", new BigDecimal("500000")),
                "link", "https://pay.example/x");
    }

    @Test
    void rendersPathsAndLeavesPlainTextAlone() {
        assertThat(renderer.render("Hola {{debtor.firstName}}, tu {{ debt.product }}.", vars("COP", 1), "es-CO"))
                .isEqualTo("Hola Ana, tu Tarjeta de crédito.");
        assertThat(renderer.render("Sin variables", Map.of(), "es")).isEqualTo("Sin variables");
    }

    @Test
    void colombianPesosAreWrittenWithDotsAndNoCents() {
        assertThat(renderer.render("{{debt.balance | money}}", vars("COP", new BigDecimal("1250000")), "es-CO"))
                .isEqualTo("$ 1.250.000");
    }

    @Test
    void moneyFollowsEachSupportedLocale() {
        BigDecimal amount = new BigDecimal("1250.5");
        assertThat(renderer.render("{{debt.balance | money}}", vars("MXN", amount), "es-MX")).isEqualTo("$1,250.50");
        assertThat(renderer.render("{{debt.balance | money}}", vars("EUR", amount), "es-ES")).isEqualTo("1.250,50 €");
        assertThat(renderer.render("{{debt.balance | money}}", vars("ARS", amount), "es-AR")).isEqualTo("$ 1.250,50");
        assertThat(renderer.render("{{debt.balance | money}}", vars("USD", amount), "en-US")).isEqualTo("$1,250.50");
    }

    @Test
    void aForeignPesoInEnglishIsWrittenWithItsCode() {
        assertThat(renderer.render("{{debt.balance | money}}", vars("COP", 1250000), "en-US")).isEqualTo("COP 1,250,000");
    }

    @Test
    void otherSpanishLocalesFallBackToTheMexicanStyle() {
        assertThat(LocaleFormats.normalize("es-PE")).isEqualTo("es-MX");
        assertThat(LocaleFormats.normalize("es")).isEqualTo("es-MX");
        assertThat(LocaleFormats.normalize("fr-FR")).isEqualTo("en-US");
        assertThat(renderer.render("{{debt.balance | money}}", vars("MXN", new BigDecimal("99")), "es"))
                .isEqualTo("$99.00");
    }

    @Test
    void datesAreWrittenWithTheWeekdayInTheDebtorsLanguage() {
        assertThat(renderer.render("el {{slots.promiseDate | date}}", vars("COP", 1), "es-CO"))
                .isEqualTo("el viernes 27 de noviembre de 2026");
        assertThat(renderer.render("on {{slots.promiseDate | date}}", vars("USD", 1), "en-US"))
                .isEqualTo("on Friday, November 27, 2026");
        assertThat(renderer.render("{{slots.promiseDate | shortDate}}", vars("USD", 1), "en-US")).isEqualTo("11/27/2026");
        assertThat(renderer.render("{{slots.promiseDate | shortDate}}", vars("COP", 1), "es-CO")).isEqualTo("27/11/2026");
    }

    @Test
    void isoDateStringsAreFormattedLikeDates() {
        Map<String, Object> vars = Map.of("slots", Map.of("d", "2026-12-01"));
        assertThat(renderer.render("{{slots.d | date}}", vars, "es-MX")).isEqualTo("martes 1 de diciembre de 2026");
    }

    @Test
    void aMissingValueRendersAsEmptyInsteadOfFailing() {
        assertThat(renderer.render("[{{slots.nothing | money}}][{{nope.deeper}}]", vars("COP", 1), "es")).isEqualTo("[][]");
    }

    @Test
    void recordsCanBeUsedAsVariableValues() {
        record Person(String firstName) {
        }
        assertThat(renderer.render("Hola {{debtor.firstName}}", Map.of("debtor", new Person("Luis")), "es"))
                .isEqualTo("Hola Luis");
    }

    @Test
    void referencesListEveryPlaceholderWithItsFilter() {
        assertThat(TemplateRenderer.references("{{a.b}} y {{ c | money }}"))
                .containsExactly(new TemplateReference("a.b", null), new TemplateReference("c", "money"));
    }

    @Test
    void referencesRejectUnclosedPlaceholdersBadPathsAndUnknownFilters() {
        assertThatThrownBy(() -> TemplateRenderer.references("Hola {{debtor.firstName"))
                .isInstanceOf(TemplateSyntaxException.class).hasMessageContaining("never closed");
        assertThatThrownBy(() -> TemplateRenderer.references("{{ debt..balance }}"))
                .isInstanceOf(TemplateSyntaxException.class);
        assertThatThrownBy(() -> TemplateRenderer.references("{{debt.balance | shout}}"))
                .isInstanceOf(TemplateSyntaxException.class).hasMessageContaining("shout");
    }
}

package dev.cobra.runtime.debtor;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class DebtorRowValidatorTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final String VALID = """
            {"id":"D-1001","name":"Ana Pérez","phone":"+573001234567","email":"ana@example.com",
             "locale":"es-CO","timezone":"America/Bogota","country":"CO","documentLast4":"1234",
             "consent":{"whatsapp":{"optedIn":true,"at":"2026-10-01T10:00:00Z","source":"web-signup"}},
             "debts":[{"id":"L-77","product":"Tarjeta de crédito","balance":1250000.50,"currency":"COP",
                       "dueDate":"2026-10-08"}]}
            """;

    private final DebtorRowValidator validator = new DebtorRowValidator();

    @Test
    void theContractExampleIsValidAndKeepsTheDigitsApartFromTheDebtor() throws Exception {
        var result = validator.validate(JSON.readTree(VALID));
        assertThat(result.errors()).isEmpty();
        assertThat(result.documentLast4()).isEqualTo("1234");
        Debtor debtor = result.debtor();
        assertThat(debtor.documentHash()).isNull();
        assertThat(debtor.phone()).isEqualTo("+573001234567");
        assertThat(debtor.consent().get("whatsapp").optedIn()).isTrue();
        assertThat(debtor.debts().get(0).balance()).isEqualByComparingTo(new BigDecimal("1250000.50"));
        assertThat(debtor.debts().get(0).dueDate()).isEqualTo(LocalDate.of(2026, 10, 8));
    }

    @Test
    void phonesWithoutPlusOrWithSpacesAreNormalisedToE164() throws Exception {
        ObjectNode row = (ObjectNode) JSON.readTree(VALID);
        row.put("phone", "57 300 123 4567");
        assertThat(validator.validate(row).debtor().phone()).isEqualTo("+573001234567");
    }

    @Test
    void aDebtorKnownOnlyByBsuidNeedsNoPhone() throws Exception {
        ObjectNode row = (ObjectNode) JSON.readTree(VALID);
        row.remove("phone");
        row.put("bsuid", "CO.1502576394655843");
        var result = validator.validate(row);
        assertThat(result.errors()).isEmpty();
        assertThat(result.debtor().bsuids()).containsExactly("CO.1502576394655843");
    }

    @Test
    void everyProblemOfARowIsReportedByField() throws Exception {
        JsonNode row = JSON.readTree("""
                {"id":"D 1","name":"","phone":"12","locale":"xx-YY","timezone":"Mars/Base","country":"ZZ",
                 "documentLast4":"12a4","debts":[{"id":"L-1","balance":-5,"currency":"ABC","dueDate":"08/10/2026"}],
                 "colour":"red"}
                """);
        var result = validator.validate(row);
        assertThat(result.valid()).isFalse();
        assertThat(result.errors()).contains(
                "unknown field 'colour'",
                "name is required",
                "phone must be in E.164 format, e.g. +573001234567",
                "locale 'xx-YY' must be a language tag like es, es-CO or en-US",
                "timezone 'Mars/Base' is not a known time zone id, e.g. America/Bogota",
                "country 'ZZ' is not an ISO 3166 two-letter code",
                "documentLast4 must be exactly 4 digits",
                "debts[0].balance must not be negative",
                "debts[0].currency 'ABC' is not an ISO 4217 code",
                "debts[0].dueDate '08/10/2026' must be a date in yyyy-MM-dd format");
        assertThat(result.errors()).anyMatch(e -> e.startsWith("id must be"));
        assertThat(String.join(" ", result.errors())).doesNotContain("12a4");
    }

    @Test
    void wrongTypesAreRowErrorsNotCrashes() throws Exception {
        JsonNode row = JSON.readTree("""
                {"id":17,"name":"Ana","phone":"+573001234567","locale":"es","timezone":"UTC","country":"co",
                 "debts":{"id":"L-1"}, "consent":{"whatsapp":{"optedIn":"maybe"}}}
                """);
        var result = validator.validate(row);
        assertThat(result.errors()).contains("id must be a string", "debts must be an array",
                "consent.whatsapp.optedIn must be true or false");
    }

    @Test
    void aDebtorWithoutDebtsOrWithDuplicateDebtIdsIsRejected() throws Exception {
        ObjectNode row = (ObjectNode) JSON.readTree(VALID);
        row.putArray("debts");
        assertThat(validator.validate(row).errors()).contains("debts must list at least one debt");
        row.set("debts", JSON.readTree("""
                [{"id":"L-1","balance":1,"currency":"USD","dueDate":"2026-01-01"},
                 {"id":"L-1","balance":2,"currency":"USD","dueDate":"2026-02-01"}]"""));
        assertThat(validator.validate(row).errors()).contains("debts[1].id 'L-1' appears twice");
    }
}

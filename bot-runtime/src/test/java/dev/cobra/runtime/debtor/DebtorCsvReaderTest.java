package dev.cobra.runtime.debtor;

import dev.cobra.runtime.web.error.ApiException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DebtorCsvReaderTest {

    private final DebtorCsvReader reader = new DebtorCsvReader();

    @Test
    void quotedCellsMayHoldCommasQuotesAndLineBreaks() {
        List<List<String>> records = DebtorCsvReader.parse("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n");
        assertThat(records).containsExactly(List.of("a", "b", "c"), List.of("x, y", "say \"hi\"", "two\nlines"));
    }

    @Test
    void blankLinesAreSkippedAndEmptyTrailingCellsKept() {
        List<List<String>> records = DebtorCsvReader.parse("a,b\n\n1,\n");
        assertThat(records).containsExactly(List.of("a", "b"), List.of("1", ""));
    }

    @Test
    void aRowBecomesADebtorWithNestedConsentAndNumberedDebts() {
        String csv = """
                id,name,phone,consent.whatsapp.optedIn,consent.whatsapp.source,debt.id,debt.balance,debt2.id,debt2.balance
                D-1,Ana,+573001234567,true,web,L-1,100,L-2,200.50
                """;
        List<DebtorCsvReader.CsvRow> rows = reader.read(csv);
        assertThat(rows).hasSize(1);
        var debtor = rows.get(0).debtor();
        assertThat(rows.get(0).row()).isEqualTo(1);
        assertThat(debtor.get("id").asText()).isEqualTo("D-1");
        assertThat(debtor.at("/consent/whatsapp/optedIn").asText()).isEqualTo("true");
        assertThat(debtor.at("/consent/whatsapp/source").asText()).isEqualTo("web");
        assertThat(debtor.get("debts")).hasSize(2);
        assertThat(debtor.at("/debts/1/balance").asText()).isEqualTo("200.50");
    }

    @Test
    void headerNamesAreCaseInsensitiveAndABomIsIgnored() {
        List<DebtorCsvReader.CsvRow> rows = reader.read("\uFEFFID,DocumentLast4,Debt.DueDate\nD-1,1234,2026-10-01\n");
        assertThat(rows.get(0).debtor().get("documentLast4").asText()).isEqualTo("1234");
        assertThat(rows.get(0).debtor().at("/debts/0/dueDate").asText()).isEqualTo("2026-10-01");
    }

    @Test
    void aRowWithTheWrongNumberOfCellsIsReportedAloneAndTheOthersAreRead() {
        List<DebtorCsvReader.CsvRow> rows = reader.read("id,name\nD-1,Ana\nD-2,Luis,extra\nD-3,Eva\n");
        assertThat(rows).extracting(DebtorCsvReader.CsvRow::error)
                .containsExactly(null, "expected 2 cells, found 3", null);
        assertThat(rows.get(2).row()).isEqualTo(3);
    }

    @Test
    void unknownOrDuplicateColumnsRejectTheWholeFileWithAClearMessage() {
        assertThatThrownBy(() -> reader.read("id,nmae\nD-1,Ana\n"))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("Unknown columns [nmae]");
        assertThatThrownBy(() -> reader.read("id,debt.id,debt1.id\nD-1,a,b\n"))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("appears twice");
        assertThatThrownBy(() -> reader.read("name\nAna\n"))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("'id' column");
    }

    @Test
    void anUnclosedQuoteIsAFileError() {
        assertThatThrownBy(() -> reader.read("id,name\nD-1,\"Ana\n"))
                .isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).code()).isEqualTo("invalid_csv"));
    }
}

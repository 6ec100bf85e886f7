package dev.cobra.runtime.abuse;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16, point 4: every amount is range-checked. {@code 1e7000}, {@code 1e400}, more than 34 significant digits,
 * a negative or non-numeric balance: each is one rejected row (numbered from 1), never a 500; the good rows before
 * and after it are written whole.
 */
class ImportRangeCheckTest extends AbuseTestBase {

    private static String row(String id, String balance) {
        return """
                {"id":"%s","name":"Eva Ruiz","phone":"+573001112233","locale":"es-CO","timezone":"America/Bogota",
                 "country":"CO","documentLast4":"1234",
                 "debts":[{"id":"L-1","product":"Crédito","balance":%s,"currency":"COP","dueDate":"2026-11-01"}]}"""
                .formatted(id, balance);
    }

    @Test
    void outOfRangeBalancesInJsonAreRejectedRowsAndTheOthersAreWritten() {
        String prefix = unique("D-RANGE");
        List<String> balances = List.of("1000", "1e7000", "2000", "1e400", "1234567890123456789012345678901234.5",
                "-5", "\"NaN\"", "0.00001", "3000");
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < balances.size(); i++) {
            rows.add(row(prefix + "-" + (i + 1), balances.get(i)));
        }
        JsonNode report = driver.admin().post().uri("/api/debtors").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("[" + String.join(",", rows) + "]").exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(report.path("imported").asInt() + report.path("updated").asInt()).isEqualTo(3);
        List<Integer> rejected = new ArrayList<>();
        report.path("rejected").forEach(r -> {
            rejected.add(r.path("row").asInt());
            assertThat(r.path("errors").toString()).contains("balance");
        });
        assertThat(rejected).containsExactly(2, 4, 5, 6, 7, 8);
        for (int good : List.of(1, 3, 9)) {
            JsonNode debtor = driver.debtor(prefix + "-" + good);
            assertThat(debtor.path("debts").path(0).path("balance").asInt()).isEqualTo(good == 1 ? 1000 : good == 3 ? 2000 : 3000);
        }
        driver.admin().get().uri("/api/debtors/{id}", prefix + "-2").exchange().expectStatus().isNotFound();
    }

    @Test
    void anOutOfRangeBalanceInCsvIsOneRejectedDataLine() {
        String prefix = unique("D-CSV");
        String csv = "id,name,phone,locale,timezone,country,debt.id,debt.balance,debt.currency,debt.dueDate\n"
                + prefix + "-1,Ana,+573001112244,es-CO,America/Bogota,CO,L-1,100,COP,2026-11-01\n"
                + prefix + "-2,Luis,+573001112255,es-CO,America/Bogota,CO,L-1,1e7000,COP,2026-11-01\n"
                + prefix + "-3,Eva,+573001112266,es-CO,America/Bogota,CO,L-1,300,COP,2026-11-01\n";
        JsonNode report = driver.admin().post().uri("/api/debtors/import").contentType(new MediaType("text", "csv"))
                .bodyValue(csv).exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(report.path("rejected")).hasSize(1);
        assertThat(report.path("rejected").path(0).path("row").asInt()).isEqualTo(2);
        assertThat(driver.debtor(prefix + "-3").path("debts").path(0).path("balance").asInt()).isEqualTo(300);
    }
}

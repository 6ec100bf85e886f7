package dev.cobra.runtime.debtor;

import dev.cobra.runtime.config.IsolatedRuntime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.LocalDate;
import java.time.ZoneId;

/** Portfolio import and read-back through the public REST contract (CONTRACTS.md, "Portfolio"). */
// The machine is shared and slow: allow more than WebTestClient's 5 s default per request.
@AutoConfigureWebTestClient(timeout = "PT30S")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PortfolioApiTest {

    @DynamicPropertySource
    static void isolated(DynamicPropertyRegistry registry) {
        IsolatedRuntime.register(registry);
    }

    @Autowired
    WebTestClient web;

    private WebTestClient admin() {
        return web.mutate().defaultHeaders(h -> h.setBasicAuth("admin", IsolatedRuntime.ADMIN_PASSWORD)).build();
    }

    private static String debtorJson(String id, String phone, String dueDate, String balance) {
        return """
                {"id":"%s","name":"Ana Pérez","phone":"%s","email":"ana@example.com",
                 "locale":"es-CO","timezone":"America/Bogota","country":"CO","documentLast4":"1234",
                 "consent":{"whatsapp":{"optedIn":true,"at":"2026-10-01T10:00:00Z","source":"web-signup"}},
                 "debts":[{"id":"L-77","product":"Tarjeta de crédito","balance":%s,"currency":"COP",
                           "dueDate":"%s"}]}""".formatted(id, phone, balance, dueDate);
    }

    @Test
    void aJsonArrayIsUpsertedIdempotentlyAndABadRowIsRejectedAlone() {
        String body = "[" + debtorJson("J-1", "+573001110001", "2026-10-08", "1250000") + ","
                + """
                {"id":"J-BAD","name":"Luis","phone":"+573001110002","locale":"es-CO","timezone":"Nowhere/City",
                 "country":"CO","debts":[{"id":"L-1","balance":-1,"currency":"COP","dueDate":"2026-10-08"}]}"""
                + "," + debtorJson("J-2", "+573001110003", "2026-11-01", "80000.5") + "]";
        admin().post().uri("/api/debtors").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.imported").isEqualTo(2)
                .jsonPath("$.updated").isEqualTo(0)
                .jsonPath("$.rejected.length()").isEqualTo(1)
                .jsonPath("$.rejected[0].row").isEqualTo(2)
                .jsonPath("$.rejected[0].id").isEqualTo("J-BAD")
                .jsonPath("$.rejected[0].errors[0]").isEqualTo(
                        "timezone 'Nowhere/City' is not a known time zone id, e.g. America/Bogota")
                .jsonPath("$.rejected[0].errors[1]").isEqualTo("debts[0].balance must not be negative");

        admin().post().uri("/api/debtors").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.imported").isEqualTo(0).jsonPath("$.updated").isEqualTo(2);

        admin().get().uri("/api/debtors/J-BAD").exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.error").isEqualTo("not_found");
    }

    @Test
    void aDebtorReadsBackWithComputedDaysPastDueAndNeverItsDocumentDigits() {
        LocalDate today = LocalDate.now(ZoneId.of("America/Bogota"));
        String dueBefore = today.minusDays(45).toString();
        admin().post().uri("/api/debtors").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("[" + debtorJson("G-1", "573001110009", dueBefore, "1250000.50") + "]")
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.imported").isEqualTo(1);

        admin().get().uri("/api/debtors/G-1").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.id").isEqualTo("G-1")
                .jsonPath("$.phone").isEqualTo("+573001110009")
                .jsonPath("$.daysPastDue").isEqualTo(45)
                .jsonPath("$.debts[0].daysPastDue").isEqualTo(45)
                .jsonPath("$.debts[0].balance").isEqualTo(1250000.50)
                .jsonPath("$.documentOnFile").isEqualTo(true)
                .jsonPath("$.documentLast4").doesNotExist()
                .jsonPath("$.documentHash").doesNotExist();
    }

    @Test
    void daysPastDueAreNegativeBeforeTheDueDate() {
        String dueLater = LocalDate.now(ZoneId.of("America/Bogota")).plusDays(5).toString();
        admin().post().uri("/api/debtors").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("[" + debtorJson("G-2", "+573001110010", dueLater, "10") + "]")
                .exchange().expectStatus().isOk();
        admin().get().uri("/api/debtors/G-2").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.daysPastDue").isEqualTo(-5);
    }

    @Test
    void aCsvWithABadRowImportsTheGoodRowsAndNamesTheBadOne() {
        String csv = """
                id,name,phone,email,locale,timezone,country,documentLast4,consent.whatsapp.optedIn,consent.whatsapp.at,debt.id,debt.product,debt.balance,debt.currency,debt.dueDate,debt2.id,debt2.balance,debt2.currency,debt2.dueDate
                C-1,"Pérez, Ana",+573001110020,ana@example.com,es-CO,America/Bogota,CO,1234,true,2026-10-01T10:00:00Z,L-1,Tarjeta,1250000,COP,2026-10-08,L-2,300000,COP,2026-11-08
                C-2,Luis Gómez,+525512345678,,es-MX,America/Mexico_City,MX,9876,yes,,P-9,Préstamo,15000.50,MXN,not-a-date,,,,
                C-3,John Smith,+12025550123,,en-US,America/New_York,US,5555,true,,A-1,Card,900,USD,2026-09-01,,,,
                """;
        admin().post().uri("/api/debtors/import").contentType(MediaType.parseMediaType("text/csv"))
                .bodyValue(csv)
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.imported").isEqualTo(2)
                .jsonPath("$.rejected.length()").isEqualTo(1)
                .jsonPath("$.rejected[0].row").isEqualTo(2)
                .jsonPath("$.rejected[0].id").isEqualTo("C-2")
                .jsonPath("$.rejected[0].errors[0]")
                .isEqualTo("debts[0].dueDate 'not-a-date' must be a date in yyyy-MM-dd format");

        admin().get().uri("/api/debtors/C-1").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.name").isEqualTo("Pérez, Ana")
                .jsonPath("$.debts.length()").isEqualTo(2)
                .jsonPath("$.consent.whatsapp.optedIn").isEqualTo(true);
        admin().get().uri("/api/debtors/C-2").exchange().expectStatus().isNotFound();
        admin().get().uri("/api/debtors/C-3").exchange().expectStatus().isOk();
    }

    @Test
    void aCsvWithAnUnknownColumnIsRefusedAsAWhole() {
        admin().post().uri("/api/debtors/import").contentType(MediaType.parseMediaType("text/csv"))
                .bodyValue("id,nombre\nX-1,Ana\n")
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").isEqualTo("invalid_csv");
    }

    @Test
    void malformedJsonAndNonArraysAreClearErrors() {
        admin().post().uri("/api/debtors").contentType(MediaType.APPLICATION_JSON).bodyValue("[{\"id\": ")
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").isEqualTo("malformed_json");
        admin().post().uri("/api/debtors").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"id\":\"X\"}")
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").isEqualTo("expected_array");
    }

    @Test
    void thePortfolioCanBePagedInIdOrder() {
        String body = "[" + debtorJson("P-1", "+573001110101", "2026-10-08", "1") + ","
                + debtorJson("P-2", "+573001110102", "2026-10-08", "2") + ","
                + debtorJson("P-3", "+573001110103", "2026-10-08", "3") + "]";
        admin().post().uri("/api/debtors").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isOk();
        admin().get().uri("/api/debtors?after=P-0&limit=2").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[0].id").isEqualTo("P-1")
                .jsonPath("$[1].id").isEqualTo("P-2")
                .jsonPath("$[0].documentHash").doesNotExist();
        admin().get().uri("/api/debtors?after=P-2&limit=2").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[0].id").isEqualTo("P-3");
        admin().get().uri("/api/debtors?limit=5000").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").isEqualTo("invalid_limit");
    }

    @Test
    void theImportOnlyAcceptsItsMediaTypes() {
        admin().post().uri("/api/debtors/import").contentType(MediaType.APPLICATION_XML).bodyValue("<x/>")
                .exchange().expectStatus().isEqualTo(415)
                .expectBody().jsonPath("$.error").isEqualTo("unsupported_media_type");
    }
}

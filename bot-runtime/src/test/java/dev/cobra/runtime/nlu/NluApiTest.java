package dev.cobra.runtime.nlu;

import dev.cobra.runtime.config.IsolatedRuntime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /api/nlu/parse} through HTTP, as CONTRACTS.md ("NLU") fixes it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NluApiTest {

    @DynamicPropertySource
    static void isolated(DynamicPropertyRegistry registry) {
        IsolatedRuntime.register(registry);
    }

    @Autowired
    WebTestClient web;

    private WebTestClient.ResponseSpec parse(String json) {
        return web.post().uri("/api/nlu/parse").headers(h -> h.setBasicAuth("admin", IsolatedRuntime.ADMIN_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    @Test
    void parsesAMessageIntoRasaShapedIntentRankingAndEntities() {
        parse("""
                {"text":"les pago el 15","locale":"es","referenceDate":"2026-11-22","timezone":"America/Bogota"}""")
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.text").isEqualTo("les pago el 15")
                .jsonPath("$.intent.name").isEqualTo("request_more_time")
                .jsonPath("$.intent.confidence").isNumber()
                .jsonPath("$.intent_ranking[0].name").isEqualTo("request_more_time")
                .jsonPath("$.intent_ranking.length()").isEqualTo(NluController.RANKING_SIZE)
                .jsonPath("$.entities[0].entity").isEqualTo("date")
                .jsonPath("$.entities[0].value").isEqualTo("2026-12-15")
                .jsonPath("$.entities[0].start").isEqualTo(9)
                .jsonPath("$.entities[0].end").isEqualTo(14)
                .jsonPath("$.entities[0].text").isEqualTo("el 15")
                .jsonPath("$.fallback").isBoolean();
    }

    @Test
    void reportsAmountsWithTheirCurrencyAndInstallmentsAsIntegers() {
        parse("""
                {"text":"puedo pagar 200 mil pesos en 4 cuotas","locale":"es-CO","referenceDate":"2026-11-22"}""")
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.intent.name").isEqualTo("payment_plan")
                .jsonPath("$.entities[0].entity").isEqualTo("amount")
                .jsonPath("$.entities[0].value").isEqualTo(200000)
                .jsonPath("$.entities[0].currency").isEqualTo("COP")
                .jsonPath("$.entities[1].entity").isEqualTo("installments")
                .jsonPath("$.entities[1].value").isEqualTo(4)
                .consumeWith(r -> assertThat(new String(r.getResponseBody(), StandardCharsets.UTF_8))
                        .contains("\"value\":200000,"));
    }

    @Test
    void aThirdPartyAnswerNamesThePersonAsAnEntity() {
        parse("""
                {"text":"no soy Ana, soy su hermana","locale":"es-CO","referenceDate":"2026-11-22"}""")
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.intent.name").isEqualTo("wrong_person")
                .jsonPath("$.entities.length()").isEqualTo(1)
                .jsonPath("$.entities[0].entity").isEqualTo("person")
                .jsonPath("$.entities[0].value").isEqualTo("Ana")
                .jsonPath("$.entities[0].start").isEqualTo(7)
                .jsonPath("$.entities[0].end").isEqualTo(10)
                .jsonPath("$.entities[0].text").isEqualTo("Ana");
        // no cue word: the name comes from CoreNLP's NER model (the tests wait for it: bot.nlu.corenlp=blocking)
        parse("""
                {"text":"Carlos Pérez ya no vive en esta casa desde hace años","locale":"es"}""")
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.analyzer").isEqualTo("corenlp")
                .jsonPath("$.entities[?(@.entity == 'person')].value").isEqualTo("Carlos Pérez");
    }

    @Test
    void aLongSpokenMessageActsOnItsRequestAndKeepsTheEntitiesOfEveryClause() {
        parse("""
                {"text":"mire le cuento que me quedé sin trabajo pero para el viernes le puedo pagar unos 200 mil",
                 "locale":"es-CO","referenceDate":"2026-11-22","timezone":"America/Bogota"}""")
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.intent.name").isEqualTo("request_more_time")
                .jsonPath("$.fallback").isEqualTo(false)
                .jsonPath("$.entities[?(@.entity == 'date')].value").isEqualTo("2026-11-27")
                .jsonPath("$.entities[?(@.entity == 'amount')].value").isEqualTo(200000)
                .jsonPath("$.clauses.length()").value(n -> assertThat((Integer) n).isGreaterThanOrEqualTo(2))
                .jsonPath("$.clauses[?(@.main == true)].text").value(t -> assertThat(t.toString()).contains("viernes"))
                .jsonPath("$.clauses[?(@.main == false)].intent.name").value(names ->
                        assertThat(names.toString()).contains("financial_hardship"));
    }

    @Test
    void answersNonsenseAndEmptyTextWithAFallbackNotAnError() {
        parse("{\"text\":\"zxqwv plonk\"}").expectStatus().isOk().expectBody()
                .jsonPath("$.intent.name").isEqualTo("out_of_scope")
                .jsonPath("$.fallback").isEqualTo(true);
        parse("{\"text\":\"\"}").expectStatus().isOk().expectBody()
                .jsonPath("$.fallback").isEqualTo(true)
                .jsonPath("$.entities.length()").isEqualTo(0);
    }

    @Test
    void rejectsMalformedRequestsWithJsonErrors() {
        parse("{\"text\":").expectStatus().isBadRequest().expectBody().jsonPath("$.error").exists()
                .jsonPath("$.message").exists();
        parse("{}").expectStatus().isBadRequest().expectBody().jsonPath("$.error").isEqualTo("missing_text");
        parse("{\"text\":\"hola\",\"referenceDate\":\"22/11/2026\"}").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.error").isEqualTo("invalid_reference_date");
        parse("{\"text\":\"hola\",\"timezone\":\"Mars/Olympus\"}").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.error").isEqualTo("invalid_timezone");
        parse("[1,2]").expectStatus().isBadRequest().expectBody().jsonPath("$.error").exists();
    }

    @Test
    void rejectsA10KilobyteTextAsTooLong() {
        String tenKb = "pago ".repeat(2_048);
        parse("{\"text\":\"" + tenKb + "\"}").expectStatus().isEqualTo(413).expectBody()
                .jsonPath("$.error").isEqualTo("text_too_long");
    }

    @Test
    void requiresASignedInStaffUser() {
        web.post().uri("/api/nlu/parse").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"text\":\"hola\"}")
                .exchange().expectStatus().isUnauthorized().expectBody().jsonPath("$.error").exists();
    }
}

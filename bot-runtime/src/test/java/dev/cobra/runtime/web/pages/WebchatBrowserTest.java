package dev.cobra.runtime.web.pages;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs {@code designer-ui/e2e/webchat.e2e.mjs} (playwright-core driving Debian's Chromium) against this
 * application on a random port: a debtor is loaded and a deep link created through the public REST API, then
 * the browser opens the link, verifies with the 4 digits, picks "pay now" and sees a payment link.
 * Skipped, visibly, only when Chromium, node or the installed npm packages are missing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bot.demo.enabled=false", "bot.admin.password=test-admin"})
class WebchatBrowserTest {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("bot.data-dir", () -> dataDir.toString());
    }

    @LocalServerPort
    int port;

    private static final String MEDIA_FLOW = """
            id: anonymous
            title: Visitor with a statement and a QR code
            locales: [es, en]
            entry: statement
            steps:
              statement:
                type: message
                text: {es: "Aquí tienes tu estado de cuenta.", en: "Here is your statement."}
                media:
                  type: document
                  url: "https://files.example.com/estado.pdf"
                  filename: estado-de-cuenta.pdf
                  caption: {es: "Estado de cuenta", en: "Statement"}
                next: qr
              qr:
                type: message
                media: {type: image, url: /media/qr.png, caption: {es: "Código <b>QR</b> de pago", en: "Payment <b>QR</b> code"}}
                next: done
              done:
                type: end
            """;

    @Test
    void aDebtorOpensTheDeepLinkVerifiesAndGetsAPaymentLinkInChromium() throws Exception {
        BrowserScript.assumeAvailable();
        String baseUrl = "http://localhost:" + port;
        WebTestClient admin = WebTestClient.bindToServer().baseUrl(baseUrl)
                .responseTimeout(Duration.ofSeconds(30))
                .defaultHeaders(headers -> headers.setBasicAuth("admin", "test-admin")).build();

        admin.post().uri("/api/debtors").contentType(MediaType.APPLICATION_JSON).bodyValue("""
                [{"id":"D-E2E","name":"Ana Pérez","phone":"+573001234567","locale":"es-CO",
                  "timezone":"America/Bogota","country":"CO","documentLast4":"1234",
                  "consent":{"whatsapp":{"optedIn":true,"at":"2026-10-01T10:00:00Z","source":"web-signup"}},
                  "debts":[{"id":"L-77","product":"Tarjeta de crédito","balance":1250000,"currency":"COP",
                            "dueDate":"%s"}]}]""".formatted(dev.cobra.runtime.conversation.WebchatDriver.today().minusDays(10)))
                .exchange().expectStatus().is2xxSuccessful();
        JsonNode link = admin.post().uri("/api/webchat/links").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"debtorId\":\"D-E2E\"}")
                .exchange().expectStatus().is2xxSuccessful()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(link).isNotNull();
        String deepLink = baseUrl + "/chat/" + link.get("token").asText();
        // Anonymous visitors get a flow whose opening turn sends a document and an image (flow media).
        admin.put().uri("/api/flows/anonymous").contentType(MediaType.parseMediaType("application/yaml"))
                .bodyValue(MEDIA_FLOW).exchange().expectStatus().is2xxSuccessful();
        admin.post().uri("/api/flows/anonymous/publish").exchange().expectStatus().is2xxSuccessful();

        BrowserScript.runAndExpectPass("webchat.e2e.mjs", Map.of(
                "DEEP_LINK", deepLink,
                "DOCUMENT_LAST4", "1234",
                "AMOUNT_TEXT", "1.250.000",
                "MEDIA_CHAT_URL", baseUrl + "/chat/",
                "MEDIA_IMAGE_CAPTION", "Código <b>QR</b> de pago"), 180);
    }
}

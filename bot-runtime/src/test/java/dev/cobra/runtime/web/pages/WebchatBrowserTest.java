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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs {@code designer-ui/e2e/webchat.e2e.mjs} (playwright-core driving Debian's Chromium) against this
 * application on a random port: a debtor is loaded and a deep link created through the public REST API, then
 * the browser opens the link, verifies with the 4 digits, picks "pay now" and sees a payment link.
 * Skipped, visibly, only when Chromium, node or the installed npm packages are missing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bot.demo.enabled=false", "bot.admin.password=test-admin"})
class WebchatBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DESIGNER_UI = Path.of("..", "designer-ui").toAbsolutePath().normalize();
    private static final Path SCRIPT = DESIGNER_UI.resolve("e2e/webchat.e2e.mjs");

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("bot.data-dir", () -> dataDir.toString());
    }

    @LocalServerPort
    int port;

    @Test
    void aDebtorOpensTheDeepLinkVerifiesAndGetsAPaymentLinkInChromium() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed at /usr/bin/chromium (apt-get install chromium)");
        assumeTrue(commandWorks("node", "--version"), "node is not on the PATH");
        assumeTrue(Files.isDirectory(DESIGNER_UI.resolve("node_modules/playwright-core")),
                "designer-ui/node_modules/playwright-core is missing (run the designer-ui build without -Dskip.npm)");
        String baseUrl = "http://localhost:" + port;
        WebTestClient admin = WebTestClient.bindToServer().baseUrl(baseUrl)
                .responseTimeout(Duration.ofSeconds(30))
                .defaultHeaders(headers -> headers.setBasicAuth("admin", "test-admin")).build();

        admin.post().uri("/api/debtors").contentType(MediaType.APPLICATION_JSON).bodyValue("""
                [{"id":"D-E2E","name":"Ana Pérez","phone":"+573001234567","locale":"es-CO",
                  "timezone":"America/Bogota","country":"CO","documentLast4":"1234",
                  "consent":{"whatsapp":{"optedIn":true,"at":"2026-10-01T10:00:00Z","source":"web-signup"}},
                  "debts":[{"id":"L-77","product":"Tarjeta de crédito","balance":1250000,"currency":"COP",
                            "dueDate":"%s"}]}]""".formatted(LocalDate.now().minusDays(10)))
                .exchange().expectStatus().is2xxSuccessful();
        JsonNode link = admin.post().uri("/api/webchat/links").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"debtorId\":\"D-E2E\"}")
                .exchange().expectStatus().is2xxSuccessful()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(link).isNotNull();
        String deepLink = baseUrl + "/chat/" + link.get("token").asText();

        Path log = Files.createTempFile("webchat-e2e", ".log");
        ProcessBuilder node = new ProcessBuilder("node", SCRIPT.toString())
                .directory(DESIGNER_UI.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        node.environment().put("DEEP_LINK", deepLink);
        node.environment().put("DOCUMENT_LAST4", "1234");
        node.environment().put("AMOUNT_TEXT", "1.250.000");
        node.environment().put("SCREENSHOT_DIR", System.getProperty("java.io.tmpdir"));
        Process process = node.start();
        boolean finished = process.waitFor(180, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(log);
        System.out.println(output);
        assertThat(finished).as("the browser test finished in time; output:%n%s", output).isTrue();
        assertThat(process.exitValue()).as("browser test output:%n%s", output).isZero();
        assertThat(output).contains("e2e: PASSED");
    }

    private static boolean commandWorks(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

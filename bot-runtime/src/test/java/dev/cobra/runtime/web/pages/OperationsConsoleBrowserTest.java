package dev.cobra.runtime.web.pages;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cobra.runtime.channel.whatsapp.FakeGraphApi;
import dev.cobra.runtime.config.IsolatedRuntime;
import dev.cobra.runtime.conversation.WebchatDriver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19, acceptance 1 and 2: the operations console in Chromium, through the accessible names of CONTRACTS.md
 * ("Operations console"). {@code designer-ui/e2e/operations.e2e.mjs} creates an agent and signs in as it, imports a
 * CSV with one bad row and downloads its error report, builds a segment and starts a campaign whose results change
 * live as the local Graph API stand-in plays Meta's status webhooks, and closes a country's contact hours and sees
 * can-contact follow. Here: the approved template and CO's all-day hours it starts from, and what the browser did,
 * checked through the API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "whatsapp.app-secret=ops-secret", "whatsapp.verify-token=v", "whatsapp.access-token=ops-token",
        "whatsapp.phone-number-id=PNID", "whatsapp.outbox.poll-interval=PT0.2S", "campaigns.poll-interval=PT0.2S"})
class OperationsConsoleBrowserTest {

    static FakeGraphApi graph;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        IsolatedRuntime.register(registry);
        graph = new FakeGraphApi();
        registry.add("whatsapp.graph-api-url", graph::baseUrl);
    }

    @AfterAll
    static void stopGraph() {
        graph.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    WebTestClient client;

    @Test
    void everyStaffTaskWorksInTheBrowser() throws Exception {
        BrowserScript.assumeAvailable();
        String baseUrl = "http://localhost:" + port;
        graph.statusWebhooksTo(baseUrl + "/webhooks/whatsapp", "ops-secret", "sent", "delivered", "read");
        WebTestClient admin = new WebchatDriver(client).admin();
        admin.put().uri("/api/whatsapp/templates").contentType(MediaType.APPLICATION_JSON).bodyValue("""
                {"name":"recordatorio_saldo","language":"es","category":"UTILITY","status":"APPROVED",
                 "body":"Hola {{1}}, tienes un pago pendiente. Escríbenos para ver tus opciones."}""")
                .exchange().expectStatus().isOk();
        // Contact all day in CO, so the campaign sends whenever the build runs; the browser later closes them.
        Map<String, Object> allDay = new HashMap<>();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
            allDay.put(day, Map.of("from", "00:00", "to", "23:59"));
        }
        admin.put().uri("/api/compliance/policies/CO").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("zone", "America/Bogota", "hours", allDay, "skipHolidays", false, "maxPerDay", 0,
                        "maxPerWeek", 0, "source", "Ley 2300 de 2023 (test hours)"))
                .exchange().expectStatus().isOk();

        BrowserScript.runAndExpectPass("operations.e2e.mjs", Map.of(
                "BASE_URL", baseUrl,
                "ADMIN_USER", "admin",
                "ADMIN_PASSWORD", IsolatedRuntime.ADMIN_PASSWORD,
                "TEMPLATE", "recordatorio_saldo|es",
                "OPS_SCREENSHOTS", System.getProperty("ops.screenshots", "")), 300);

        JsonNode users = admin.get().uri("/api/users").exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(users.findValuesAsText("username")).contains("lucia.ops");
        admin.get().uri("/api/debtors/D-OPS-1").exchange().expectStatus().isOk();
        admin.get().uri("/api/debtors/D-OPS-3").exchange().expectStatus().isNotFound();
        assertThat(graph.sentBodies()).as("the campaign's one allowed message reached the Graph API")
                .anySatisfy(body -> assertThat(body.path("to").asText()).contains("3001110001"));
        assertThat(graph.sentBodies()).noneSatisfy(body -> assertThat(body.path("to").asText()).contains("3001110002"));
    }
}

package dev.cobra.runtime.web.pages;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cobra.runtime.config.IsolatedRuntime;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 6, acceptance points 2 and 3, in Debian's Chromium: {@code designer.e2e.mjs} (a designer adds a menu option
 * with a new step, sees it in YAML, breaks and fixes a transition, simulates the branch, publishes, and a new
 * webchat conversation follows it), then {@code designer-versions.e2e.mjs} (NLU intent and confidence in the
 * simulator, a recorded conversation test, diff of versions 1 and 2, roll back to 1 as version 3, intent examples,
 * and an agent who only sees the flow read only). The outcome is checked through the API too.
 * Set {@code -Ddesigner.screenshots=<dir>} to keep the screenshots used in docs/designer-guide.md.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DesignerBrowserTest {

    private static final String DESIGNER = "diana";
    private static final String PASSWORD = "diana-secret-1";

    @DynamicPropertySource
    static void isolated(DynamicPropertyRegistry registry) {
        IsolatedRuntime.register(registry);
    }

    @LocalServerPort
    int port;

    @Test
    void aDesignerAddsABranchSimulatesPublishesDiffsAndRollsBackInChromium() throws Exception {
        BrowserScript.assumeAvailable();
        String baseUrl = "http://localhost:" + port;
        WebTestClient admin = WebTestClient.bindToServer().baseUrl(baseUrl).responseTimeout(Duration.ofSeconds(30))
                .defaultHeaders(h -> h.setBasicAuth("admin", IsolatedRuntime.ADMIN_PASSWORD)).build();
        admin.post().uri("/api/users").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", DESIGNER, "password", PASSWORD, "roles", List.of("DESIGNER")))
                .exchange().expectStatus().isCreated();
        admin.post().uri("/api/users").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "andres", "password", PASSWORD, "roles", List.of("AGENT")))
                .exchange().expectStatus().isCreated();
        admin.post().uri("/api/debtors").contentType(MediaType.APPLICATION_JSON).bodyValue("""
                [{"id":"D-DESIGN","name":"Ana Pérez","phone":"+573001239999","locale":"es-CO",
                  "timezone":"America/Bogota","country":"CO","documentLast4":"1234",
                  "debts":[{"id":"L-78","product":"Tarjeta de crédito","balance":1250000,"currency":"COP",
                            "dueDate":"%s"}]}]""".formatted(dev.cobra.runtime.conversation.WebchatDriver.today().minusDays(10)))
                .exchange().expectStatus().is2xxSuccessful();
        JsonNode link = admin.post().uri("/api/webchat/links").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"debtorId\":\"D-DESIGN\"}").exchange().expectStatus().is2xxSuccessful()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(link).isNotNull();

        Map<String, String> env = new HashMap<>(Map.of(
                "BASE_URL", baseUrl,
                "DESIGNER_USER", DESIGNER,
                "DESIGNER_PASSWORD", PASSWORD,
                "DEEP_LINK", baseUrl + "/chat/" + link.get("token").asText(),
                "AGENT_USER", "andres",
                "AGENT_PASSWORD", PASSWORD));
        String screenshots = System.getProperty("designer.screenshots");
        if (screenshots != null && !screenshots.isBlank()) {
            env.put("DESIGNER_SCREENSHOTS", Path.of(screenshots).toAbsolutePath().toString());
        }

        BrowserScript.runAndExpectPass("designer.e2e.mjs", env, 300);
        String published = version(admin, 2);
        assertThat(published).contains("office_hours_info:").contains("id: office_hours").contains("# Early stage");

        String output = BrowserScript.runAndExpectPass("designer-versions.e2e.mjs", env, 300);
        assertThat(output).containsPattern("e2e: nlu intent=\\S+ confidence=0?\\.?\\d");
        JsonNode flows = admin.get().uri("/api/flows").exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        JsonNode early = null;
        for (JsonNode flow : flows) {
            if (flow.get("id").asText().equals("early")) {
                early = flow;
            }
        }
        assertThat(early).isNotNull();
        assertThat(early.get("publishedVersion").asInt()).isEqualTo(3);
        assertThat(version(admin, 3)).doesNotContain("office_hours").isEqualTo(version(admin, 1));
    }

    private static String version(WebTestClient admin, int version) {
        JsonNode body = admin.get().uri("/api/flows/early/versions/{v}", version).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(body).isNotNull();
        return body.get("yaml").asText();
    }
}

package dev.cobra.runtime.channel.webchat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cobra.runtime.config.IsolatedRuntime;
import dev.cobra.runtime.conversation.WebchatDriver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A flow's message-step media reaches the webchat widget: a published anonymous-visitor flow sends a document and
 * an image, through the real engine, over the public webchat API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebchatMediaTest {

    private static final String FLOW = """
            id: anonymous
            title: Visitor with a statement
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
                media: {type: image, url: /media/qr.png, caption: {es: "Código <b>QR</b>", en: "<b>QR</b> code"}}
                next: done
              done:
                type: end
            """;

    @DynamicPropertySource
    static void isolated(DynamicPropertyRegistry registry) {
        IsolatedRuntime.register(registry);
    }

    @Autowired
    WebTestClient web;

    private WebchatDriver driver;

    @BeforeEach
    void publishFlow() {
        web = web.mutate().responseTimeout(WebchatDriver.RESPONSE_TIMEOUT).build();
        driver = new WebchatDriver(web);
        driver.admin().put().uri("/api/flows/anonymous").contentType(MediaType.parseMediaType("application/yaml"))
                .bodyValue(FLOW).exchange().expectStatus().is2xxSuccessful();
        driver.admin().post().uri("/api/flows/anonymous/publish").exchange().expectStatus().is2xxSuccessful();
    }

    @Test
    void theWidgetGetsTheDocumentAndTheImageWithTheirCaptions() {
        WebchatDriver.Session session = driver.open(null);
        List<JsonNode> replies = session.opening().replies();

        assertThat(replies).extracting(r -> r.path("type").asText()).containsExactly("text", "media", "media");
        assertThat(replies.get(0).path("text").asText()).isEqualTo("Aquí tienes tu estado de cuenta.");
        JsonNode document = replies.get(1);
        assertThat(document.path("text").asText()).isEqualTo("Estado de cuenta");
        assertThat(document.path("media").path("type").asText()).isEqualTo("document");
        assertThat(document.path("media").path("url").asText()).isEqualTo("https://files.example.com/estado.pdf");
        assertThat(document.path("media").path("filename").asText()).isEqualTo("estado-de-cuenta.pdf");
        JsonNode image = replies.get(2);
        assertThat(image.path("media").path("type").asText()).isEqualTo("image");
        assertThat(image.path("media").path("url").asText()).isEqualTo("/media/qr.png");
        assertThat(image.path("media").has("filename")).isFalse();
        assertThat(image.path("text").asText()).as("the server sends text; the widget escapes it").isEqualTo("Código <b>QR</b>");

        JsonNode transcript = driver.transcript(session);
        assertThat(transcript).extracting(e -> e.path("type").asText()).containsExactly("text", "media", "media");
        assertThat(transcript.get(1).path("text").asText()).isEqualTo("Estado de cuenta");
        assertThat(transcript.get(1).path("media")).as("a reloaded page gets the file too").isEqualTo(document.path("media"));
        assertThat(transcript.get(2).path("media")).isEqualTo(image.path("media"));
    }

    @Test
    void aFlowWithAnUnsafeMediaUrlCannotBeSaved() {
        String bad = FLOW.replace("https://files.example.com/estado.pdf", "javascript:alert(1)");
        JsonNode result = driver.admin().post().uri("/api/flows/anonymous/validate")
                .contentType(MediaType.parseMediaType("application/yaml")).bodyValue(bad).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(result.path("valid").asBoolean()).isFalse();
        assertThat(result.path("errors").toString()).contains("https://");
    }
}

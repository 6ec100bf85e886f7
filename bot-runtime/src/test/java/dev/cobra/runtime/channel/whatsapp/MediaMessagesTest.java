package dev.cobra.runtime.channel.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cobra.runtime.conversation.message.OutboundMessage;
import dev.cobra.runtime.conversation.message.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Outbound media on WhatsApp: Meta's image and document messages, and the 24-hour window rule for them. */
class MediaMessagesTest {

    private final GraphMessages graph = new GraphMessages(new ObjectMapper(), "https://cobra.example/");
    private WhatsAppRig rig;

    @AfterEach
    void close() {
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    void anImageGoesOutAsMetasImageMessageWithLinkAndCaption() {
        JsonNode body = graph.fromReply("+573001234567", Reply.media(new Reply.Media("image",
                "https://files.example.com/qr.png", null), "Tu código QR de pago"), "es-CO");
        assertThat(body.path("messaging_product").asText()).isEqualTo("whatsapp");
        assertThat(body.path("to").asText()).isEqualTo("573001234567");
        assertThat(body.path("type").asText()).isEqualTo("image");
        assertThat(body.path("image").path("link").asText()).isEqualTo("https://files.example.com/qr.png");
        assertThat(body.path("image").path("caption").asText()).isEqualTo("Tu código QR de pago");
        assertThat(body.path("image").has("filename")).isFalse();
    }

    @Test
    void aDocumentCarriesItsFilenameAndAPathOnThisServerIsMadeAbsolute() {
        JsonNode body = graph.fromReply("573001234567", Reply.media(new Reply.Media("document", "/files/estado.pdf",
                "estado-de-cuenta.pdf"), "Tu estado de cuenta"), "es");
        assertThat(body.path("type").asText()).isEqualTo("document");
        assertThat(body.path("document").path("link").asText()).isEqualTo("https://cobra.example/files/estado.pdf");
        assertThat(body.path("document").path("filename").asText()).isEqualTo("estado-de-cuenta.pdf");
        assertThat(body.path("document").path("caption").asText()).isEqualTo("Tu estado de cuenta");
    }

    @Test
    void aCaptionIsCutToMetasLimitAndAMediaWithoutCaptionHasNone() {
        JsonNode long1 = graph.fromReply("573001234567", Reply.media(new Reply.Media("image", "/a.png", null),
                "x".repeat(2000)), "es");
        assertThat(long1.path("image").path("caption").asText()).hasSize(GraphMessages.MAX_CAPTION);
        JsonNode bare = graph.fromReply("573001234567", Reply.media(new Reply.Media("image", "/a.png", null), null), "es");
        assertThat(bare.path("image").has("caption")).isFalse();
    }

    @Test
    void anUnsafeUrlOrARelativeOneWithoutPublicUrlFallsBackToTheCaptionAsText() {
        JsonNode unsafe = graph.fromReply("573001234567", Reply.media(new Reply.Media("image", "javascript:alert(1)", null),
                "Hola"), "es");
        assertThat(unsafe.path("type").asText()).isEqualTo("text");
        assertThat(unsafe.path("text").path("body").asText()).isEqualTo("Hola");
        JsonNode relative = new GraphMessages(new ObjectMapper()).fromReply("573001234567",
                Reply.media(new Reply.Media("document", "/a.pdf", "a.pdf"), "Hola"), "es");
        assertThat(relative.path("type").asText()).isEqualTo("text");
    }

    @Test
    void insideTheWindowTheMediaIsSentOutsideItOnlyTheTemplate() throws Exception {
        rig = new WhatsAppRig(4, "cobro_recordatorio");
        rig.sender.start();
        Reply document = Reply.media(new Reply.Media("document", "https://files.example.com/s.pdf", "estado.pdf"),
                "Tu estado de cuenta");
        rig.channel.deliver(new OutboundMessage("c1", "whatsapp", "D-1", "573001234567", "bot",
                List.of(Reply.text("Aquí está:"), document), Instant.now().minus(Duration.ofHours(1)), "es-CO"))
                .block(Duration.ofSeconds(5));
        WhatsAppRig.await("text and document", Duration.ofSeconds(10), () -> rig.graph.messages.size() == 2);
        JsonNode sent = rig.graph.messages.get(1).body();
        assertThat(sent.path("type").asText()).isEqualTo("document");
        assertThat(sent.path("document").path("link").asText()).isEqualTo("https://files.example.com/s.pdf");
        assertThat(sent.path("document").path("filename").asText()).isEqualTo("estado.pdf");

        rig.channel.deliver(new OutboundMessage("c1", "whatsapp", "D-1", "573001234567", "bot",
                List.of(document), Instant.now().minus(Duration.ofHours(25)), "es-CO")).block(Duration.ofSeconds(5));
        WhatsAppRig.await("the template", Duration.ofSeconds(10), () -> rig.graph.messages.size() == 3);
        assertThat(rig.graph.messages.get(2).body().path("type").asText()).isEqualTo("template");
        assertThat(rig.graph.messages.get(2).body().has("document")).isFalse();
    }
}

package dev.cobra.runtime.abuse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cobra.runtime.channel.whatsapp.WebhookSignature;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16, point 7 (and the WhatsApp part of point 6): every real webhook payload of the corpus
 * ({@code src/test/resources/whatsapp-corpus}) is answered 200 and processed without an error; events that are not
 * the debtor saying something get no reply and never count as an answer; a 👍 to a yes/no question is a yes; a
 * captioned file is acknowledged and its caption read; a file that cannot be fetched is said so; canned answers
 * respect a handoff; an over-long text gets a polite reply and is not stored.
 */
@ExtendWith(OutputCaptureExtension.class)
class WhatsAppEventsTest extends AbuseTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong PHONES = new AtomicLong(ProcessHandle.current().pid() % 1000 * 10_000);
    /** Corpus examples that are not the debtor saying something: no reply may follow them. */
    private static final Set<String> NOT_AN_ANSWER = Set.of("deleted_message__revoke", "edited_message__image",
            "system__phone_number_change", "system__identity_change", "call_permission_update__accept",
            "call_permission_update__reject", "flow_completion__completion", "flow_completion__without_flow_token",
            "message__interactive_message_with_err", "message__reaction", "message__unreaction_empty",
            "message__unreaction_no_emoji", "message__static_sticker", "message__animated_sticker");

    private static String newPhone() {
        return "5731" + String.format("%08d", PHONES.incrementAndGet());
    }

    private void post(String body) {
        web.post().uri("/webhooks/whatsapp").contentType(MediaType.APPLICATION_JSON)
                .header("X-Hub-Signature-256", WebhookSignature.sign(APP_SECRET, body.getBytes(StandardCharsets.UTF_8)))
                .bodyValue(body.getBytes(StandardCharsets.UTF_8)).exchange().expectStatus().isOk();
    }

    /** Rewrites a payload's message ids (unique) and sender (the given phone); returns the message ids. */
    private static List<String> personalise(JsonNode payload, String phone) {
        List<String> ids = new ArrayList<>();
        for (JsonNode entry : payload.path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                for (JsonNode contact : change.path("value").path("contacts")) {
                    ((ObjectNode) contact).put("wa_id", phone);
                    ((ObjectNode) contact).remove("user_id");
                }
                for (JsonNode message : change.path("value").path("messages")) {
                    String id = "wamid.ABUSE." + phone + "." + ids.size() + "." + System.nanoTime();
                    ((ObjectNode) message).put("id", id).put("from", phone)
                            .put("timestamp", Long.toString(Instant.now().getEpochSecond()));
                    ((ObjectNode) message).remove("from_user_id");
                    ids.add(id);
                }
            }
        }
        return ids;
    }

    private Document awaitProcessed(String wamid) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            List<Document> docs = stored("whatsapp_inbound", "_id", wamid);
            if (!docs.isEmpty() && !"PENDING".equals(docs.get(0).getString("state"))) {
                assertThat(docs.get(0).getString("state")).as("processing of %s", wamid).isEqualTo("DONE");
                return docs.get(0);
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("not processed: " + wamid);
    }

    /** Sends one message of {@code phone} and waits until it was processed. */
    private Document send(String phone, String typeAndContent) throws IOException {
        String body = """
                {"object":"whatsapp_business_account","entry":[{"id":"WABA","changes":[{"field":"messages","value":{
                 "messaging_product":"whatsapp","metadata":{"display_phone_number":"15550001111","phone_number_id":"PNID"},
                 "contacts":[{"profile":{"name":"Marta"},"wa_id":"%s"}],
                 "messages":[{"from":"%s","id":"x","timestamp":"1",%s}]}}]}]}""".formatted(phone, phone, typeAndContent);
        JsonNode payload = JSON.readTree(body);
        String wamid = personalise(payload, phone).get(0);
        post(payload.toString());
        return awaitProcessed(wamid);
    }

    private List<Document> outbox(String phone) {
        return stored("whatsapp_outbox", "to", phone);
    }

    private static String texts(List<Document> messages) {
        StringBuilder all = new StringBuilder();
        messages.forEach(m -> all.append(m.toJson()).append('\n'));
        return all.toString();
    }

    private JsonNode conversation(Document processed) {
        return driver.conversation(processed.getString("conversationId"));
    }

    @Test
    void everyCorpusPayloadIsHandledAndNonAnswersGetNoReply(CapturedOutput output) throws IOException {
        Path corpus = Path.of("src/test/resources/whatsapp-corpus/pywa");
        List<Path> files;
        try (Stream<Path> listed = Files.list(corpus)) {
            files = listed.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(70);
        Map<String, String> phones = new java.util.HashMap<>();
        List<String> wamids = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString().replace(".json", "");
            JsonNode payload = JSON.readTree(Files.readString(file));
            String phone = newPhone();
            phones.put(name, phone);
            wamids.addAll(personalise(payload, phone));
            post(payload.toString());
        }
        wamids.forEach(this::awaitProcessed);
        for (String name : NOT_AN_ANSWER) {
            assertThat(outbox(phones.get(name))).as("replies to %s", name).isEmpty();
        }
        String catchAll = "solo puedo leer mensajes de texto";
        for (Map.Entry<String, String> sent : phones.entrySet()) {
            if (!sent.getKey().contains("location") && !sent.getKey().contains("contacts") && !sent.getKey().contains("order")) {
                assertThat(texts(outbox(sent.getValue()))).as("catch-all to %s", sent.getKey()).doesNotContain(catchAll);
            }
        }
        assertThat(texts(outbox(phones.get("message__image")))).contains("no pude descargar tu archivo");
        assertThat(output.toString()).doesNotContain("\tat ").doesNotContain("whatsapp.inbound.failed");
    }

    @Test
    void eventsThatAreNotAnswersNeverCountAtTheIdentityQuestion() throws IOException {
        String phone = newPhone();
        debtor("D-WA-EVENTS", Map.of("phone", "+" + phone));
        Document first = send(phone, "\"type\":\"text\",\"text\":{\"body\":\"hola\"}");
        JsonNode asked = conversation(first);
        assertThat(asked.path("step").asText()).isEqualTo("ask_document");
        int replies = outbox(phone).size();
        List<String> nonAnswers = List.of(
                "\"type\":\"revoke\",\"revoke\":{\"original_message_id\":\"wamid.old\"}",
                "\"type\":\"edit\",\"edit\":{\"original_message_id\":\"wamid.old\",\"message\":{\"type\":\"text\",\"text\":{\"body\":\"9999\"}}}",
                "\"type\":\"interactive\",\"interactive\":{\"type\":\"call_permission_reply\",\"call_permission_reply\":{\"response\":\"accept\"}}",
                "\"type\":\"interactive\",\"interactive\":{\"type\":\"nfm_reply\",\"nfm_reply\":{\"response_json\":\"{}\",\"body\":\"Sent\",\"name\":\"flow\"}}",
                "\"type\":\"interactive\",\"errors\":[{\"code\":131051,\"title\":\"Message type unknown\"}]",
                "\"type\":\"reaction\",\"reaction\":{\"message_id\":\"wamid.bot\",\"emoji\":\"\uD83D\uDE2E\"}",
                "\"type\":\"reaction\",\"reaction\":{\"message_id\":\"wamid.bot\",\"emoji\":\"\uD83D\uDC4D\"}",
                "\"type\":\"system\",\"system\":{\"body\":\"User identity changed\",\"type\":\"customer_identity_changed\"}");
        for (String event : nonAnswers) {
            send(phone, event);
        }
        assertThat(outbox(phone)).as("no reply to events that are not answers").hasSize(replies);
        JsonNode still = conversation(first);
        assertThat(still.path("step").asText()).isEqualTo("ask_document");
        assertThat(still.path("status").asText()).isEqualTo("BOT");
        assertThat(still.path("slots").path("verificationAttempts").asInt(0)).isZero();

        Document verified = send(phone, "\"type\":\"text\",\"text\":{\"body\":\"1234\"}");
        assertThat(conversation(verified).path("verified").asBoolean()).isTrue();
    }

    @Test
    void aThumbsUpConfirmsAndFilesAreAcknowledgedHonestlyAndCannedAnswersRespectAHandoff() throws IOException {
        String phone = newPhone();
        debtor("D-WA-YES", Map.of("phone", "+" + phone));
        send(phone, "\"type\":\"text\",\"text\":{\"body\":\"hola\"}");
        send(phone, "\"type\":\"text\",\"text\":{\"body\":\"1234\"}");
        send(phone, "\"type\":\"text\",\"text\":{\"body\":\"promise\"}");
        send(phone, "\"type\":\"text\",\"text\":{\"body\":\"mañana\"}");
        Document confirm = send(phone, "\"type\":\"text\",\"text\":{\"body\":\"100000\"}");
        assertThat(conversation(confirm).path("step").asText()).isEqualTo("confirm");
        Document yes = send(phone, "\"type\":\"reaction\",\"reaction\":{\"message_id\":\"wamid.bot\",\"emoji\":\"\uD83D\uDC4D\uD83C\uDFFD\"}");
        assertThat(conversation(yes).path("disposition").asText()).isEqualTo("PROMISE_TO_PAY");

        // A captioned file: acknowledged, and the caption read (here: asking for a person), in a new conversation.
        send(phone, "\"type\":\"text\",\"text\":{\"body\":\"hola\"}");
        graph().serveMedia("media-ok-" + phone, "fake receipt".getBytes(StandardCharsets.UTF_8));
        int before = outbox(phone).size();
        Document captioned = send(phone, "\"type\":\"image\",\"image\":{\"id\":\"media-ok-" + phone
                + "\",\"mime_type\":\"image/jpeg\",\"caption\":\"quiero hablar con un asesor\"}");
        String answered = texts(outbox(phone).subList(before, outbox(phone).size()));
        assertThat(answered).contains("recibimos tu archivo");
        assertThat(conversation(captioned).path("status").asText()).isEqualTo("WAITING_AGENT");

        // A file that cannot be fetched is not "received".
        before = outbox(phone).size();
        send(phone, "\"type\":\"document\",\"document\":{\"id\":\"media-missing-" + phone + "\",\"mime_type\":\"application/pdf\"}");
        answered = texts(outbox(phone).subList(before, outbox(phone).size()));
        assertThat(answered).contains("no pude descargar tu archivo").doesNotContain("recibimos tu archivo");

        // Waiting for an agent: a voice note gets no "talk to an agent" offer.
        before = outbox(phone).size();
        send(phone, "\"type\":\"audio\",\"audio\":{\"id\":\"voice-" + phone + "\",\"mime_type\":\"audio/ogg\",\"voice\":true}");
        answered = texts(outbox(phone).subList(before, outbox(phone).size()));
        assertThat(answered).contains("escuchar audios").doesNotContain("Hablar con asesor");

        // An over-long text: a polite reply, and the body is not kept.
        before = outbox(phone).size();
        Document tooLong = send(phone, "\"type\":\"text\",\"text\":{\"body\":\"" + "x".repeat(5000) + "\"}");
        answered = texts(outbox(phone).subList(before, outbox(phone).size()));
        assertThat(answered).contains("demasiado largo");
        assertThat(tooLong.getString("text")).isNull();
    }
}

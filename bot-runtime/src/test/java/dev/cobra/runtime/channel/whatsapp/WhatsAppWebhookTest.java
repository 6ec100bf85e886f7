package dev.cobra.runtime.channel.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cobra.runtime.conversation.message.InboundMessage;
import dev.cobra.runtime.conversation.message.OutboundMessage;
import dev.cobra.runtime.conversation.message.Reply;
import dev.cobra.runtime.conversation.TurnHandler;
import dev.cobra.runtime.conversation.TurnResult;
import dev.cobra.runtime.debtor.Debtor;
import dev.cobra.runtime.debtor.DebtorDirectory;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook end to end over the channel's real parts (database, outbox, sender, media download against a
 * fake Graph API), with a stand-in turn handler that answers like the engine does: through the channel.
 */
class WhatsAppWebhookTest {

    private static final String PHONE = "573001234567";
    private static final String BSUID = "CO.1502576394655843";

    @TempDir
    Path dataDir;

    private WhatsAppRig rig;
    private WebTestClient webhook;
    private final List<InboundMessage> turns = new CopyOnWriteArrayList<>();
    private final FakeDebtors debtors = new FakeDebtors();

    @BeforeEach
    void setUp() throws Exception {
        rig = new WhatsAppRig(4, null);
        rig.sender.start();
        WhatsAppInboundStore inbound = new WhatsAppInboundStore(rig.mongo.template);
        WhatsAppMediaStore media = new WhatsAppMediaStore(WebClient.builder(), rig.properties, rig.mongo.template, dataDir);
        TurnHandler engine = new EchoEngine();
        WhatsAppInboundProcessor processor = new WhatsAppInboundProcessor(inbound, media,
                WhatsAppRig.beans(TurnHandler.class, engine), WhatsAppRig.debtors(debtors), rig.channel, rig.clock);
        WhatsAppWebhookController controller = new WhatsAppWebhookController(rig.properties,
                new WebhookPayloadParser(rig.json), inbound, rig.statuses, processor,
                WhatsAppRig.beans(java.time.Clock.class, rig.clock));
        webhook = WebTestClient.bindToController(controller).build();
        debtors.add(new Debtor("D-1", "Ana Pérez", "+" + PHONE, null, "es-CO", "America/Bogota", "CO", null, null,
                null, Set.of(), false, false));
    }

    @AfterEach
    void tearDown() {
        rig.close();
    }

    /** Answers "eco: <text or option>" through the channel, as the engine hands its replies to the channel. */
    private final class EchoEngine implements TurnHandler {
        @Override
        public Mono<TurnResult> handle(InboundMessage message) {
            turns.add(message);
            List<Reply> replies = List.of(Reply.text("eco: " + (message.optionId() != null ? message.optionId() : message.text())));
            return rig.channel.deliver(new OutboundMessage("conv-" + message.externalUserId(), "whatsapp",
                            message.debtorId(), message.externalUserId(), "bot", replies, message.receivedAt(), "es-CO"))
                    .thenReturn(new TurnResult("conv-" + message.externalUserId(), replies));
        }

        @Override
        public Mono<TurnResult> open(String channel, String debtorId, String externalUserId) {
            return Mono.error(new UnsupportedOperationException("the echo double only answers messages"));
        }

        @Override
        public Mono<TurnResult> resume(String conversationId, String stepId) {
            return Mono.error(new UnsupportedOperationException("the echo double has no agents to hand back from"));
        }
    }

    private static String envelope(String contacts, String messages) {
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"WABA","changes":[{"field":"messages","value":{
                 "messaging_product":"whatsapp","metadata":{"display_phone_number":"15550001111","phone_number_id":"PNID"},
                 "contacts":[%s],"messages":[%s]}}]}]}""".formatted(contacts, messages);
    }

    private static String contact() {
        return "{\"profile\":{\"name\":\"Ana\"},\"wa_id\":\"" + PHONE + "\",\"user_id\":\"" + BSUID + "\"}";
    }

    private static String message(String id, String typeAndContent) {
        return "{\"from\":\"" + PHONE + "\",\"id\":\"" + id + "\",\"timestamp\":\"" + Instant.now().getEpochSecond()
                + "\"," + typeAndContent + "}";
    }

    private WebTestClient.ResponseSpec post(String body, String signature) {
        WebTestClient.RequestBodySpec request = webhook.post().uri("/webhooks/whatsapp").contentType(MediaType.APPLICATION_JSON);
        if (signature != null) {
            request = request.header("X-Hub-Signature-256", signature);
        }
        return request.bodyValue(body.getBytes(StandardCharsets.UTF_8)).exchange();
    }

    private WebTestClient.ResponseSpec postSigned(String body) {
        return post(body, WebhookSignature.sign(WhatsAppRig.SECRET, body.getBytes(StandardCharsets.UTF_8)));
    }

    private List<JsonNode> sentTo(String address) {
        return rig.graph.messages.stream().map(FakeGraphApi.Request::body)
                .filter(b -> address.equals(b.path("to").asText(null)) || address.equals(b.path("recipient").asText(null)))
                .toList();
    }

    @Test
    void theVerificationHandshakeEchoesTheChallengeOnlyForTheRightToken() {
        webhook.get().uri("/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=12345")
                .exchange().expectStatus().isOk().expectBody(String.class).isEqualTo("12345");
        webhook.get().uri("/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=12345")
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void textInGivesTheEnginesReplyOutToTheSameNumber() throws Exception {
        postSigned(envelope(contact(), message("wamid.T1", "\"type\":\"text\",\"text\":{\"body\":\"hola\"}")))
                .expectStatus().isOk();
        WhatsAppRig.await("reply sent", Duration.ofSeconds(10), () -> sentTo(PHONE).size() == 1);
        assertThat(turns).singleElement().satisfies(turn -> {
            assertThat(turn.channel()).isEqualTo("whatsapp");
            assertThat(turn.debtorId()).isEqualTo("D-1");
            assertThat(turn.externalUserId()).isEqualTo(PHONE);
            assertThat(turn.messageId()).isEqualTo("wamid.T1");
            assertThat(turn.text()).isEqualTo("hola");
        });
        assertThat(sentTo(PHONE).get(0).path("text").path("body").asText()).isEqualTo("eco: hola");
        assertThat(debtors.links).containsEntry(BSUID, "D-1"); // the BSUID is linked once the phone matched
    }

    @Test
    void buttonAndListRepliesAndTemplateButtonsArriveAsOptionIds() throws Exception {
        postSigned(envelope(contact(), String.join(",",
                message("wamid.B1", "\"type\":\"interactive\",\"interactive\":{\"type\":\"button_reply\",\"button_reply\":{\"id\":\"pay_now\",\"title\":\"Pagar ahora\"}}"),
                message("wamid.B2", "\"type\":\"interactive\",\"interactive\":{\"type\":\"list_reply\",\"list_reply\":{\"id\":\"plan\",\"title\":\"Plan de pagos\",\"description\":\"x\"}}"),
                message("wamid.B3", "\"type\":\"button\",\"button\":{\"payload\":\"promise\",\"text\":\"Fijar fecha\"}"))))
                .expectStatus().isOk();
        WhatsAppRig.await("three turns", Duration.ofSeconds(10), () -> turns.size() == 3);
        assertThat(turns).extracting(InboundMessage::optionId).containsExactly("pay_now", "plan", "promise");
        WhatsAppRig.await("three replies", Duration.ofSeconds(10), () -> sentTo(PHONE).size() == 3);
    }

    @Test
    void theSameMessageDeliveredTwiceGetsOneReply() throws Exception {
        String body = envelope(contact(), message("wamid.D1", "\"type\":\"text\",\"text\":{\"body\":\"hola\"}"));
        postSigned(body).expectStatus().isOk();
        postSigned(body).expectStatus().isOk();
        WhatsAppRig.await("reply sent", Duration.ofSeconds(10), () -> sentTo(PHONE).size() == 1);
        Thread.sleep(500);
        assertThat(turns).hasSize(1);
        assertThat(sentTo(PHONE)).hasSize(1);
    }

    @Test
    void aForgedOrMissingSignatureIs401AndNothingIsStoredOrAnswered() throws Exception {
        String body = envelope(contact(), message("wamid.F1", "\"type\":\"text\",\"text\":{\"body\":\"hola\"}"));
        post(body, WebhookSignature.sign("wrong-secret", body.getBytes(StandardCharsets.UTF_8)))
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.error").isEqualTo("invalid_signature");
        post(body, null).expectStatus().isUnauthorized();
        // signed over other bytes (re-serialised JSON) is forged too
        post(body, WebhookSignature.sign(WhatsAppRig.SECRET, (body + " ").getBytes(StandardCharsets.UTF_8)))
                .expectStatus().isUnauthorized();
        Thread.sleep(300);
        assertThat(turns).isEmpty();
        assertThat(rig.graph.messages).isEmpty();
        assertThat(rig.mongo.template.findById("wamid.F1", Document.class, "whatsapp_inbound")
                .block(Duration.ofSeconds(5))).isNull();
    }

    @Test
    void withoutAnAppSecretTheWebhookAnswers503() {
        WhatsAppProperties unconfigured = new WhatsAppProperties(null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null);
        WebTestClient client = WebTestClient.bindToController(new WhatsAppWebhookController(unconfigured,
                new WebhookPayloadParser(rig.json), null, null, null, WhatsAppRig.beans(java.time.Clock.class, null)))
                .build();
        client.post().uri("/webhooks/whatsapp").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isEqualTo(503).expectBody().jsonPath("$.error").isEqualTo("not_configured");
    }

    @Test
    void anImageIsDownloadedStoredAndAttachedAndAcknowledged() throws Exception {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3, 4, 5};
        rig.graph.serveMedia("MEDIA1", jpeg);
        postSigned(envelope(contact(), message("wamid.I1",
                "\"type\":\"image\",\"image\":{\"id\":\"MEDIA1\",\"mime_type\":\"image/jpeg\",\"sha256\":\"abc\"}")))
                .expectStatus().isOk();
        WhatsAppRig.await("acknowledged", Duration.ofSeconds(10), () -> sentTo(PHONE).size() == 1);
        Document media = rig.mongo.template.findById("wamid.I1", Document.class, "whatsapp_media")
                .block(Duration.ofSeconds(5));
        assertThat(media).isNotNull();
        assertThat(media.getString("debtorId")).isEqualTo("D-1");
        assertThat(media.getString("mimeType")).isEqualTo("image/jpeg");
        Path stored = dataDir.resolve(media.getString("path"));
        assertThat(Files.readAllBytes(stored)).isEqualTo(jpeg);
        assertThat(sentTo(PHONE).get(0).path("text").path("body").asText()).contains("recibimos tu archivo");
        assertThat(turns).isEmpty(); // no caption: nothing for the flow to read
    }

    @Test
    void aVoiceNoteGetsTheCannotListenAnswerWithOptions() throws Exception {
        postSigned(envelope(contact(), message("wamid.A1",
                "\"type\":\"audio\",\"audio\":{\"id\":\"MEDIA2\",\"mime_type\":\"audio/ogg; codecs=opus\",\"voice\":true}")))
                .expectStatus().isOk();
        WhatsAppRig.await("answered", Duration.ofSeconds(10), () -> sentTo(PHONE).size() == 1);
        JsonNode interactive = sentTo(PHONE).get(0).path("interactive");
        assertThat(interactive.path("body").path("text").asText()).contains("no puedo escuchar audios");
        assertThat(interactive.path("action").path("buttons")).hasSize(2);
        assertThat(interactive.path("action").path("buttons").get(1).path("reply").path("id").asText())
                .isEqualTo(WhatsAppInboundProcessor.TALK_TO_AGENT);
        assertThat(turns).isEmpty();

        postSigned(envelope(contact(), message("wamid.A2", "\"type\":\"interactive\",\"interactive\":{\"type\":\"button_reply\","
                + "\"button_reply\":{\"id\":\"cobra.agent\",\"title\":\"Hablar con asesor\"}}"))).expectStatus().isOk();
        WhatsAppRig.await("turn", Duration.ofSeconds(10), () -> turns.size() == 1);
        assertThat(turns.get(0).text()).isEqualTo("Quiero hablar con un asesor");
        assertThat(turns.get(0).optionId()).isNull();
    }

    @Test
    void locationsStickersAndUnsupportedTypesAreHandledGracefully() throws Exception {
        postSigned(envelope(contact(), String.join(",",
                message("wamid.L1", "\"type\":\"location\",\"location\":{\"latitude\":4.6,\"longitude\":-74.1}"),
                message("wamid.L2", "\"type\":\"reaction\",\"reaction\":{\"message_id\":\"wamid.X\",\"emoji\":\"👍\"}"),
                message("wamid.L3", "\"type\":\"unsupported\",\"errors\":[{\"code\":131051}]")))).expectStatus().isOk();
        WhatsAppRig.await("two answers", Duration.ofSeconds(10), () -> sentTo(PHONE).size() == 2);
        Thread.sleep(300);
        assertThat(sentTo(PHONE)).hasSize(2); // the reaction is not answered
        assertThat(sentTo(PHONE).get(0).path("text").path("body").asText()).contains("solo puedo leer");
    }

    @Test
    void aUsernameOnlyUserWithJustABsuidIsAnsweredAtTheBsuid() throws Exception {
        debtors.add(new Debtor("D-2", "Luis Gómez", "+573009999999", null, "es-CO", null, "CO", null, null, null,
                Set.of("CO.777"), false, false));
        String contacts = "{\"profile\":{\"name\":\"Luis\",\"username\":\"@luis\"},\"user_id\":\"CO.777\"}";
        String msg = "{\"from_user_id\":\"CO.777\",\"id\":\"wamid.U1\",\"timestamp\":\"" + Instant.now().getEpochSecond()
                + "\",\"type\":\"text\",\"text\":{\"body\":\"hola\"}}";
        postSigned(envelope(contacts, msg)).expectStatus().isOk();
        WhatsAppRig.await("answered", Duration.ofSeconds(10), () -> sentTo("CO.777").size() == 1);
        assertThat(turns.get(0).externalUserId()).isEqualTo("CO.777");
        assertThat(turns.get(0).debtorId()).isEqualTo("D-2");
        JsonNode sent = sentTo("CO.777").get(0);
        assertThat(sent.path("recipient").asText()).isEqualTo("CO.777");
        assertThat(sent.has("to")).isFalse();
    }

    @Test
    void manyMessagesOfOneUserAreProcessedInTheOrderSent() throws Exception {
        StringBuilder messages = new StringBuilder();
        long base = Instant.now().getEpochSecond();
        for (int i = 19; i >= 0; i--) { // delivered in reverse, timestamps say the real order
            if (messages.length() > 0) {
                messages.append(',');
            }
            messages.append("{\"from\":\"" + PHONE + "\",\"id\":\"wamid.O" + i + "\",\"timestamp\":\"" + (base + i)
                    + "\",\"type\":\"text\",\"text\":{\"body\":\"m" + i + "\"}}");
        }
        postSigned(envelope(contact(), messages.toString())).expectStatus().isOk();
        WhatsAppRig.await("twenty turns", Duration.ofSeconds(15), () -> turns.size() == 20);
        assertThat(turns).extracting(InboundMessage::text)
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 20).mapToObj(i -> "m" + i).toList());
    }

    @Test
    void statusCallbacksUpdateTheSentMessage() throws Exception {
        String statuses = """
                {"object":"whatsapp_business_account","entry":[{"id":"WABA","changes":[{"field":"messages","value":{
                 "messaging_product":"whatsapp","metadata":{"phone_number_id":"PNID"},
                 "statuses":[{"id":"wamid.S1","status":"delivered","timestamp":"1763892000","recipient_id":"%s"},
                             {"id":"wamid.S1","status":"sent","timestamp":"1763891990","recipient_id":"%s"}]}}]}]}"""
                .formatted(PHONE, PHONE);
        postSigned(statuses).expectStatus().isOk();
        assertThat(rig.statuses.currentStatus("wamid.S1").block(Duration.ofSeconds(5))).isEqualTo("delivered");
    }

    /** Debtors by phone (with or without '+') and BSUID, recording links. */
    static final class FakeDebtors implements DebtorDirectory {
        final Map<String, Debtor> byId = new ConcurrentHashMap<>();
        final Map<String, String> links = new ConcurrentHashMap<>();

        void add(Debtor debtor) {
            byId.put(debtor.id(), debtor);
            debtor.bsuids().forEach(b -> links.put(b, debtor.id()));
        }

        @Override
        public Mono<Debtor> findById(String debtorId) {
            return Mono.justOrEmpty(byId.get(debtorId));
        }

        @Override
        public Mono<Debtor> findByPhone(String phone) {
            String digits = phone.replace("+", "");
            return Mono.justOrEmpty(byId.values().stream()
                    .filter(d -> d.phone() != null && d.phone().replace("+", "").equals(digits)).findFirst());
        }

        @Override
        public Mono<Debtor> findByBsuid(String bsuid) {
            return Mono.justOrEmpty(links.get(bsuid)).mapNotNull(byId::get);
        }

        @Override
        public Mono<Void> linkBsuid(String debtorId, String bsuid) {
            links.put(bsuid, debtorId);
            return Mono.empty();
        }

        @Override
        public Mono<Boolean> verifyDocument(String debtorId, String digits) {
            return Mono.just(false);
        }

        @Override
        public Mono<Void> optOut(String debtorId, String channel, Instant at) {
            return Mono.empty();
        }

        @Override
        public Mono<Void> flagWrongParty(String debtorId, Instant at) {
            return Mono.empty();
        }
    }
}

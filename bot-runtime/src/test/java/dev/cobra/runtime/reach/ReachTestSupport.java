package dev.cobra.runtime.reach;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cobra.runtime.channel.sms.TwilioSignature;
import dev.cobra.runtime.config.IsolatedRuntime;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** HTTP helpers of the reach tests: staff calls, signed SMS webhooks, opening a chat from a link. */
final class ReachTestSupport {

    static final String PUBLIC_URL = "http://cobra.test";
    static final String SID = "AC0123456789abcdef";
    static final String TOKEN = "twilio-test-token";
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CHAT_LINK = Pattern.compile(Pattern.quote(PUBLIC_URL) + "/chat/([A-Za-z0-9_.-]+)");

    private final WebTestClient client;

    ReachTestSupport(WebTestClient client) {
        this.client = client;
    }

    WebTestClient.ResponseSpec adminPost(String uri, String json) {
        return client.post().uri(uri).headers(h -> h.setBasicAuth("admin", IsolatedRuntime.ADMIN_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    JsonNode adminGet(String uri) throws Exception {
        return JSON.readTree(client.get().uri(uri).headers(h -> h.setBasicAuth("admin", IsolatedRuntime.ADMIN_PASSWORD))
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody());
    }

    JsonNode body(WebTestClient.ResponseSpec response, int status) throws Exception {
        byte[] bytes = response.expectStatus().isEqualTo(status).expectBody().returnResult().getResponseBody();
        return JSON.readTree(bytes);
    }

    void importDebtors(String jsonArray) throws Exception {
        JsonNode report = body(adminPost("/api/debtors", jsonArray), 200);
        if (!report.path("rejected").isEmpty()) {
            throw new AssertionError("rejected rows: " + report.path("rejected"));
        }
    }

    JsonNode sendLink(String debtorId, String channel, int expectedStatus) throws Exception {
        return body(adminPost("/api/debtors/" + debtorId + "/links/send", "{\"channel\":\"" + channel + "\"}"),
                expectedStatus);
    }

    JsonNode canContact(String debtorId, String channel) throws Exception {
        return adminGet("/api/compliance/can-contact?debtorId=" + debtorId + "&channel=" + channel);
    }

    /** Posts a form to {@code /webhooks/sms} signed as Twilio would; emits the response for further checks. */
    WebTestClient.ResponseSpec smsWebhook(Map<String, String> fields, String signingToken) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        fields.forEach(form::add);
        Map<String, List<String>> signed = new java.util.HashMap<>(form);
        String signature = TwilioSignature.sign(signingToken, PUBLIC_URL + "/webhooks/sms", signed);
        return client.post().uri("/webhooks/sms").header("X-Twilio-Signature", signature)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(BodyInserters.fromFormData(form)).exchange();
    }

    /** An inbound SMS from {@code from}; emits the TwiML answer. */
    String inboundSms(String messageSid, String from, String text) {
        return smsWebhook(Map.of("MessageSid", messageSid, "SmsSid", messageSid, "AccountSid", SID, "From", from,
                "To", "+15550001111", "Body", text, "NumMedia", "0", "SmsStatus", "received"), TOKEN)
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

    void statusCallback(String messageSid, String status) {
        smsWebhook(Map.of("MessageSid", messageSid, "SmsSid", messageSid, "AccountSid", SID, "MessageStatus", status,
                "SmsStatus", status, "To", "+573000000000", "From", "+15550001111"), TOKEN)
                .expectStatus().is2xxSuccessful();
    }

    /** The token of the first chat link in {@code text}. */
    static String chatToken(String text) {
        Matcher matcher = CHAT_LINK.matcher(text);
        if (!matcher.find()) {
            throw new AssertionError("no chat link in: " + text);
        }
        return matcher.group(1);
    }

    /** Opens the chat with a link's token as the debtor's browser would; emits the conversation's debtor id. */
    String debtorOfChat(String token) throws Exception {
        JsonNode session = JSON.readTree(client.post().uri("/webchat/api/sessions").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"token\":\"" + token + "\"}").exchange().expectStatus().isOk().expectBody()
                .returnResult().getResponseBody());
        return adminGet("/api/conversations/" + session.path("conversationId").asText()).path("debtorId").asText();
    }

    static String debtor(String id, String phone, String email, String locale, String zone, String country,
                         String consentChannels, String dueDate) {
        StringBuilder consent = new StringBuilder("{");
        for (String channel : consentChannels.split(",")) {
            if (!channel.isBlank()) {
                consent.append(consent.length() > 1 ? "," : "").append("\"").append(channel)
                        .append("\":{\"optedIn\":true,\"at\":\"2026-01-05T10:00:00Z\",\"source\":\"web-form\"}");
            }
        }
        consent.append("}");
        return """
                {"id":"%s","name":"%s Prueba","phone":"%s",%s"locale":"%s","timezone":"%s","country":"%s","documentLast4":"1234",
                 "consent":%s,"debts":[{"id":"L-%s","product":"card","balance":150.50,"currency":"USD","dueDate":"%s"}]}"""
                .formatted(id, id.startsWith("E") ? "Emma" : "Ana", phone,
                        email == null ? "" : "\"email\":\"" + email + "\",", locale, zone, country, consent, id, dueDate);
    }
}

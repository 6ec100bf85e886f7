package dev.cobra.runtime.faults;

import dev.cobra.runtime.channel.whatsapp.WebhookSignature;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Posts Meta-shaped, correctly signed webhooks to one runtime, the way Meta's delivery does. */
final class SignedWebhookClient {

    private final URI endpoint;
    private final String appSecret;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    SignedWebhookClient(String baseUrl, String appSecret) {
        this.endpoint = URI.create(baseUrl + "/webhooks/whatsapp");
        this.appSecret = appSecret;
    }

    /** A text message from {@code phone}, sent at {@code epochSecond}. */
    static String textMessage(String phone, String wamid, String text, long epochSecond) {
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"WABA","changes":[{"field":"messages","value":{\
                "messaging_product":"whatsapp","metadata":{"display_phone_number":"15550001111","phone_number_id":"PNID"},\
                "contacts":[{"profile":{"name":"Cliente"},"wa_id":"%s"}],\
                "messages":[{"from":"%s","id":"%s","timestamp":"%d","type":"text","text":{"body":"%s"}}]}}]}]}"""
                .formatted(phone, phone, wamid, epochSecond, text);
    }

    /** The HTTP status, or -1 when the runtime could not be reached or did not answer within 30 s. */
    int post(byte[] body) {
        return post(body, WebhookSignature.sign(appSecret, body));
    }

    int post(byte[] body, String signature) {
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("X-Hub-Signature-256", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    int post(String body) {
        return post(body.getBytes(StandardCharsets.UTF_8));
    }
}

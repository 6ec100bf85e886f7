package dev.cobra.runtime.load;

import dev.cobra.runtime.channel.whatsapp.WebhookSignature;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/** Builds Meta-shaped webhook payloads, signs them like Meta ({@code X-Hub-Signature-256}) and posts them. */
final class SignedWebhooks {

    /** The webhook endpoint of every instance driven; posts go round-robin, as a load balancer would send them. */
    private final List<URI> endpoints;
    private final AtomicLong posts = new AtomicLong();
    private final String appSecret;
    private final HttpClient http;
    private final AtomicLong ids = new AtomicLong();
    private final String runId = Long.toString(System.currentTimeMillis(), 36);

    SignedWebhooks(String baseUrl, String appSecret) {
        this(List.of(baseUrl), appSecret);
    }

    SignedWebhooks(List<String> baseUrls, String appSecret) {
        this.endpoints = baseUrls.stream().map(base -> URI.create(base + "/webhooks/whatsapp")).toList();
        this.appSecret = appSecret;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(4))
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** A message as the debtor typed or tapped it: plain text, or the id of a list row / reply button. */
    record Message(String text, String optionId) {
        static Message text(String text) {
            return new Message(text, null);
        }

        static Message option(String id, String title) {
            return new Message(title, id);
        }
    }

    String payload(String phone, Message message) {
        String wamid = "wamid.L" + runId + "." + ids.incrementAndGet();
        String content = message.optionId() == null
                ? "\"type\":\"text\",\"text\":{\"body\":\"" + message.text() + "\"}"
                : "\"type\":\"interactive\",\"interactive\":{\"type\":\"list_reply\",\"list_reply\":{\"id\":\""
                        + message.optionId() + "\",\"title\":\"" + message.text() + "\"}}";
        return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"WABA\",\"changes\":[{\"field\":"
                + "\"messages\",\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"phone_number_id\":"
                + "\"PNID\"},\"contacts\":[{\"profile\":{\"name\":\"L\"},\"wa_id\":\"" + phone + "\"}],"
                + "\"messages\":[{\"from\":\"" + phone + "\",\"id\":\"" + wamid + "\",\"timestamp\":\""
                + (System.currentTimeMillis() / 1000) + "\"," + content + "}]}}]}]}";
    }

    /** Posts a signed body; completes with the HTTP status (0 on a connection failure). */
    CompletableFuture<Integer> post(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        URI endpoint = endpoints.get((int) (posts.getAndIncrement() % endpoints.size()));
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", sign(bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .thenApply(HttpResponse::statusCode)
                .exceptionally(error -> 0);
    }

    String sign(byte[] body) {
        return WebhookSignature.sign(appSecret, body);
    }
}

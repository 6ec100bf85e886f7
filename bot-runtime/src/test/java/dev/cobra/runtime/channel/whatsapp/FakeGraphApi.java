package dev.cobra.runtime.channel.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local HTTP server playing Meta's Graph API: records every {@code POST /{phone-number-id}/messages} (body and
 * Authorization header), answers with scripted failures first and a {@code wamid} otherwise, and serves media
 * metadata and bytes. Optionally ({@link #statusWebhooks}) it plays Meta's status webhooks too: after accepting a
 * message it posts a signed {@code statuses[]} webhook ("sent" by default) echoing the message's
 * {@code biz_opaque_callback_data}, retried like Meta until answered 2xx; off by default, since other tests rely on
 * no callbacks.
 */
public final class FakeGraphApi implements AutoCloseable {

    record Request(String path, String authorization, JsonNode body, long receivedNanos) {
    }

    record Scripted(int status, String body, String retryAfter) {
    }

    /** Where status webhooks go: the signed body and its {@code X-Hub-Signature-256}; answers the HTTP status. */
    @FunctionalInterface
    public interface WebhookReceiver {
        int deliver(byte[] body, String signature) throws Exception;
    }

    /** A scripted answer: Meta accepts the message (statuses follow) but the connection drops before the answer. */
    static final int DROP_AFTER_ACCEPT = -1;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    final List<Request> messages = new CopyOnWriteArrayList<>();
    /** Template creations (POST .../message_templates), as Meta would receive them. */
    final List<Request> templateCreations = new CopyOnWriteArrayList<>();
    final List<String> mediaRequests = new CopyOnWriteArrayList<>();
    private final Deque<Scripted> script = new ArrayDeque<>();
    private final Map<String, byte[]> media = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    private volatile WebhookReceiver webhookReceiver;
    private volatile String webhookSecret;
    private volatile List<String> statusesPerMessage = List.of("sent");
    private volatile boolean statusesBeforeResponse;
    private volatile long responseDelayMillis;
    private volatile boolean webhooksPaused;
    private final java.util.concurrent.BlockingDeque<byte[]> pendingWebhooks = new java.util.concurrent.LinkedBlockingDeque<>();
    private final java.util.concurrent.ExecutorService webhookSender = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "fake-meta-webhooks");
        thread.setDaemon(true);
        return thread;
    });
    private final java.util.concurrent.atomic.AtomicInteger webhooksDelivered = new java.util.concurrent.atomic.AtomicInteger();

    public FakeGraphApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * Plays Meta's status webhooks: each accepted message is followed by a signed webhook with one status per name
     * in {@code statuses} (e.g. "sent", or "delivered", "sent" to deliver them out of order), echoing the message's
     * {@code biz_opaque_callback_data}. A webhook not answered 2xx is delivered again later, like Meta.
     */
    public FakeGraphApi statusWebhooks(String appSecret, WebhookReceiver receiver, String... statuses) {
        this.webhookSecret = appSecret;
        this.statusesPerMessage = statuses.length == 0 ? List.of("sent") : List.of(statuses);
        this.webhookReceiver = receiver;
        return this;
    }

    /** Status webhooks to the product's {@code /webhooks/whatsapp} over HTTP. */
    public FakeGraphApi statusWebhooksTo(String webhookUrl, String appSecret, String... statuses) {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        return statusWebhooks(appSecret, (body, signature) -> http.send(java.net.http.HttpRequest.newBuilder()
                        .uri(java.net.URI.create(webhookUrl)).header("Content-Type", "application/json")
                        .header("X-Hub-Signature-256", signature)
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode(), statuses);
    }

    /** The statuses are delivered before the send is answered (Meta does not promise any order). */
    FakeGraphApi statusesBeforeResponse(boolean before) {
        this.statusesBeforeResponse = before;
        return this;
    }

    /** Time between accepting a message and answering it: widens the window where a crash cuts a request. */
    FakeGraphApi responseDelay(java.time.Duration delay) {
        this.responseDelayMillis = delay.toMillis();
        return this;
    }

    /** Holds status webhooks (the product is down, say); {@link #resumeStatusWebhooks} delivers them. */
    void pauseStatusWebhooks() {
        webhooksPaused = true;
    }

    void resumeStatusWebhooks() {
        webhooksPaused = false;
        webhookSender.execute(this::drainWebhooks);
    }

    /** Status webhooks answered 2xx so far. */
    int webhooksDelivered() {
        return webhooksDelivered.get();
    }

    /** The bodies of every message sent so far, oldest first (a snapshot). */
    public List<JsonNode> sentBodies() {
        return messages.stream().map(Request::body).toList();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v21.0";
    }

    /** The next answers to message sends, in order, before the normal 200s resume. */
    synchronized FakeGraphApi thenAnswer(int status, String body, String retryAfter) {
        script.addLast(new Scripted(status, body, retryAfter));
        return this;
    }

    public void serveMedia(String mediaId, byte[] bytes) {
        media.put(mediaId, bytes);
    }

    private synchronized Scripted next() {
        return script.pollFirst();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        byte[] requestBody = exchange.getRequestBody().readAllBytes();
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if ("POST".equals(exchange.getRequestMethod()) && path.endsWith("/messages")) {
            Scripted scripted = next();
            if (scripted != null && scripted.status() == DROP_AFTER_ACCEPT) {
                JsonNode body = JSON.readTree(requestBody);
                messages.add(new Request(path, auth, body, System.nanoTime()));
                statusesFor(body, "wamid.OUT" + ids.incrementAndGet(), true);
                exchange.close(); // no answer: the sender sees a network error
                return;
            }
            if (scripted != null) {
                if (scripted.retryAfter() != null) {
                    exchange.getResponseHeaders().add("Retry-After", scripted.retryAfter());
                }
                messages.add(new Request(path, auth, JSON.readTree(requestBody), System.nanoTime()));
                respond(exchange, scripted.status(), scripted.body());
                return;
            }
            JsonNode body = JSON.readTree(requestBody);
            messages.add(new Request(path, auth, body, System.nanoTime()));
            String wamid = "wamid.OUT" + ids.incrementAndGet();
            // Accepted: Meta's statuses follow whatever becomes of the answer (the caller may be gone by then).
            statusesFor(body, wamid, statusesBeforeResponse);
            pause(responseDelayMillis);
            respond(exchange, 200, "{\"messaging_product\":\"whatsapp\",\"contacts\":[],\"messages\":[{\"id\":\""
                    + wamid + "\"}]}");
            return;
        }
        if ("POST".equals(exchange.getRequestMethod()) && path.endsWith("/message_templates")) {
            JsonNode body = JSON.readTree(requestBody);
            boolean duplicate = templateCreations.stream().anyMatch(r -> r.body().path("name").equals(body.path("name"))
                    && r.body().path("language").equals(body.path("language")));
            templateCreations.add(new Request(path, auth, body, System.nanoTime()));
            if (duplicate) {
                // Meta's answer to a name and language that already exist
                respond(exchange, 400, "{\"error\":{\"message\":\"Message template already exists\",\"code\":100,"
                        + "\"error_subcode\":2388024}}");
                return;
            }
            respond(exchange, 200, "{\"id\":\"TPL" + ids.incrementAndGet() + "\",\"status\":\"PENDING\",\"category\":\""
                    + body.path("category").asText() + "\"}");
            return;
        }
        if ("GET".equals(exchange.getRequestMethod()) && path.endsWith("/message_templates")) {
            boolean second = exchange.getRequestURI().getQuery() != null && exchange.getRequestURI().getQuery().contains("after=P2");
            String next = second ? "" : ",\"paging\":{\"next\":\"" + baseUrl() + path.substring("/v21.0".length()) + "?after=P2\"}";
            String data = second
                    ? "{\"name\":\"cobro_recordatorio\",\"language\":\"en_US\",\"category\":\"UTILITY\",\"status\":\"PENDING\",\"components\":[]}"
                    : "{\"name\":\"cobro_recordatorio\",\"language\":\"es\",\"category\":\"UTILITY\",\"status\":\"APPROVED\","
                    + "\"components\":[{\"type\":\"BODY\",\"text\":\"Hola {{1}}, tu pago de {{2}} vence pronto.\"}]}";
            respond(exchange, 200, "{\"data\":[" + data + "]" + next + "}");
            return;
        }
        if ("GET".equals(exchange.getRequestMethod()) && path.startsWith("/v21.0/media-file/")) {
            mediaRequests.add(path);
            byte[] bytes = media.get(path.substring("/v21.0/media-file/".length()));
            exchange.getResponseHeaders().add("Content-Type", "image/jpeg");
            exchange.sendResponseHeaders(bytes == null ? 404 : 200, bytes == null ? -1 : bytes.length);
            if (bytes != null) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
            exchange.close();
            return;
        }
        if ("GET".equals(exchange.getRequestMethod())) {
            String mediaId = path.substring(path.lastIndexOf('/') + 1);
            mediaRequests.add(path);
            byte[] bytes = media.get(mediaId);
            if (bytes == null || !("Bearer test-token".equals(auth))) {
                respond(exchange, 404, "{\"error\":{\"code\":100,\"message\":\"unknown media\"}}");
                return;
            }
            respond(exchange, 200, "{\"url\":\"" + baseUrl() + "/media-file/" + mediaId + "\",\"mime_type\":\"image/jpeg\","
                    + "\"sha256\":\"abc\",\"file_size\":" + bytes.length + ",\"id\":\"" + mediaId + "\"}");
            return;
        }
        respond(exchange, 404, "{}");
    }

    /** Queues (or, when {@code now}, delivers before returning) the status webhook of an accepted message. */
    private void statusesFor(JsonNode sent, String wamid, boolean now) {
        if (webhookReceiver == null) {
            return;
        }
        com.fasterxml.jackson.databind.node.ObjectNode root = JSON.createObjectNode();
        root.put("object", "whatsapp_business_account");
        com.fasterxml.jackson.databind.node.ObjectNode value = root.putArray("entry").addObject().put("id", "WABA1")
                .putArray("changes").addObject().put("field", "messages").putObject("value");
        value.put("messaging_product", "whatsapp");
        value.putObject("metadata").put("display_phone_number", "15550000000").put("phone_number_id", "PNID");
        com.fasterxml.jackson.databind.node.ArrayNode statuses = value.putArray("statuses");
        long second = System.currentTimeMillis() / 1000;
        for (String name : statusesPerMessage) {
            com.fasterxml.jackson.databind.node.ObjectNode status = statuses.addObject();
            status.put("id", wamid).put("status", name).put("timestamp", String.valueOf(second));
            if (sent.hasNonNull("to")) {
                status.put("recipient_id", sent.get("to").asText());
            } else if (sent.hasNonNull("recipient")) {
                status.put("recipient_user_id", sent.get("recipient").asText());
            }
            if (sent.hasNonNull("biz_opaque_callback_data")) {
                status.put("biz_opaque_callback_data", sent.get("biz_opaque_callback_data").asText());
            }
        }
        byte[] payload = root.toString().getBytes(StandardCharsets.UTF_8);
        if (now && !webhooksPaused) {
            deliverUntilAccepted(payload);
            return;
        }
        pendingWebhooks.addLast(payload);
        webhookSender.execute(this::drainWebhooks);
    }

    private void drainWebhooks() {
        byte[] payload;
        while (!webhooksPaused && (payload = pendingWebhooks.pollFirst()) != null) {
            deliverUntilAccepted(payload);
        }
    }

    private void deliverUntilAccepted(byte[] payload) {
        String signature = dev.cobra.runtime.channel.whatsapp.WebhookSignature.sign(webhookSecret, payload);
        long giveUp = System.nanoTime() + java.time.Duration.ofMinutes(5).toNanos(); // Meta: days; here a restart
        while (System.nanoTime() < giveUp && !webhookSender.isShutdown()) {
            try {
                int status = webhookReceiver.deliver(payload, signature);
                if (status >= 200 && status < 300) {
                    webhooksDelivered.incrementAndGet();
                    return;
                }
            } catch (Exception e) {
                // the product is unreachable: Meta tries again later
            }
            pause(250);
        }
    }

    private static void pause(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        webhookSender.shutdownNow();
    }
}

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
 * metadata and bytes.
 */
public final class FakeGraphApi implements AutoCloseable {

    record Request(String path, String authorization, JsonNode body, long receivedNanos) {
    }

    record Scripted(int status, String body, String retryAfter) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    final List<Request> messages = new CopyOnWriteArrayList<>();
    final List<String> mediaRequests = new CopyOnWriteArrayList<>();
    private final Deque<Scripted> script = new ArrayDeque<>();
    private final Map<String, byte[]> media = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    public FakeGraphApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
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

    void serveMedia(String mediaId, byte[] bytes) {
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
            if (scripted != null) {
                if (scripted.retryAfter() != null) {
                    exchange.getResponseHeaders().add("Retry-After", scripted.retryAfter());
                }
                messages.add(new Request(path, auth, JSON.readTree(requestBody), System.nanoTime()));
                respond(exchange, scripted.status(), scripted.body());
                return;
            }
            messages.add(new Request(path, auth, JSON.readTree(requestBody), System.nanoTime()));
            respond(exchange, 200, "{\"messaging_product\":\"whatsapp\",\"contacts\":[],\"messages\":[{\"id\":\"wamid.OUT"
                    + ids.incrementAndGet() + "\"}]}");
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
    }
}

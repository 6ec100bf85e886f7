package dev.cobra.runtime.load;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plays the Graph API for the runtime under load: accepts every {@code POST /{phone-number-id}/messages},
 * answers a message id at once and tells the listener who it was for and when it arrived. Kept minimal so
 * that the harness side costs little CPU next to the runtime it measures.
 */
final class GraphApiRecorder implements AutoCloseable {

    /** Called for every outbound message with the recipient and {@link System#nanoTime()} at arrival. */
    interface Listener {
        void outbound(String to, long arrivedNanos);
    }

    private static final Pattern TO = Pattern.compile("\"to\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private volatile Listener listener = (to, at) -> { };

    /** The URL runtimes on other machines use to reach it, or null (they run here: loopback). */
    private final String advertisedUrl;

    GraphApiRecorder() throws IOException {
        this(new InetSocketAddress("127.0.0.1", 0), null);
    }

    /** Listening on {@code address}; {@code advertisedUrl} is what the runtimes are told (see {@link #baseUrl}). */
    GraphApiRecorder(InetSocketAddress address, String advertisedUrl) throws IOException {
        server = HttpServer.create(address, 1024);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
        this.advertisedUrl = advertisedUrl;
    }

    String baseUrl() {
        return advertisedUrl != null ? advertisedUrl : "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void listen(Listener listener) {
        this.listener = listener;
    }

    long requests() {
        return requests.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long arrived = System.nanoTime();
        byte[] body = exchange.getRequestBody().readAllBytes();
        String answer = "{}";
        if ("POST".equals(exchange.getRequestMethod()) && exchange.getRequestURI().getPath().endsWith("/messages")) {
            requests.incrementAndGet();
            Matcher to = TO.matcher(new String(body, StandardCharsets.UTF_8));
            if (to.find()) {
                listener.outbound(to.group(1), arrived);
            }
            answer = "{\"messaging_product\":\"whatsapp\",\"messages\":[{\"id\":\"wamid.LOAD" + ids.incrementAndGet()
                    + "\"}]}";
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}

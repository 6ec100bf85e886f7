package dev.cobra.runtime.channel.sms;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local stand-in for Twilio's Messages API: {@code POST /2010-04-01/Accounts/{sid}/Messages.json} with HTTP Basic
 * {@code sid:token} and a form body. Records every accepted message and answers 201 with a new {@code sid} and
 * {@code "status":"queued"}; numbers in {@link #rejectNumbers} get Twilio's 400 (21211, invalid number); wrong
 * credentials get 401.
 */
public final class FakeTwilio implements AutoCloseable {

    /** One accepted message: the form fields as sent and the sid we answered. */
    public record Message(String sid, Map<String, String> form) {
        public String to() {
            return form.get("To");
        }

        public String body() {
            return form.get("Body");
        }
    }

    private final HttpServer server;
    private final String accountSid;
    private final String authToken;
    private final List<Message> messages = new CopyOnWriteArrayList<>();
    private final Set<String> rejectNumbers = ConcurrentHashMap.newKeySet();
    private final AtomicLong ids = new AtomicLong();

    public FakeTwilio(String accountSid, String authToken) throws IOException {
        this.accountSid = accountSid;
        this.authToken = authToken;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(8, task -> {
            Thread thread = new Thread(task, "fake-twilio");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Message> messages() {
        return messages;
    }

    public Set<String> rejectNumbers() {
        return rejectNumbers;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String expectedPath = "/2010-04-01/Accounts/" + accountSid + "/Messages.json";
            if (!"POST".equals(exchange.getRequestMethod()) || !expectedPath.equals(exchange.getRequestURI().getPath())) {
                answer(exchange, 404, "{\"code\":20404,\"message\":\"not found\"}");
                return;
            }
            String expectedAuth = "Basic " + Base64.getEncoder().encodeToString(
                    (accountSid + ":" + authToken).getBytes(StandardCharsets.UTF_8));
            if (!expectedAuth.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                answer(exchange, 401, "{\"code\":20003,\"message\":\"Authenticate\"}");
                return;
            }
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            if (contentType == null || !contentType.startsWith("application/x-www-form-urlencoded")) {
                answer(exchange, 400, "{\"code\":21601,\"message\":\"form expected\"}");
                return;
            }
            Map<String, String> form = parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            if (form.get("To") == null || form.get("From") == null || form.get("Body") == null) {
                answer(exchange, 400, "{\"code\":21604,\"message\":\"To, From and Body are required\"}");
                return;
            }
            if (rejectNumbers.contains(form.get("To"))) {
                answer(exchange, 400, "{\"code\":21211,\"message\":\"Invalid 'To' Phone Number\",\"status\":400}");
                return;
            }
            String sid = "SM" + String.format("%032d", ids.incrementAndGet());
            messages.add(new Message(sid, form));
            answer(exchange, 201, "{\"sid\":\"" + sid + "\",\"status\":\"queued\",\"to\":\"" + form.get("To") + "\"}");
        }
    }

    static Map<String, String> parse(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            form.put(key, value);
        }
        return form;
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

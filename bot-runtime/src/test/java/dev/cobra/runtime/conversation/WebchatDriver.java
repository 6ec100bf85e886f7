package dev.cobra.runtime.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cobra.runtime.config.IsolatedRuntime;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Drives a running Cobra through its public contract: portfolio, deep links, webchat, conversation state. */
public final class WebchatDriver {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebTestClient web;
    private final WebTestClient admin;

    /** Generous: the shared 2-core build machine can be slow, and HTTP Basic runs bcrypt on every staff call. */
    public static final java.time.Duration RESPONSE_TIMEOUT = java.time.Duration.ofSeconds(30);

    public WebchatDriver(WebTestClient web) {
        web = web.mutate().responseTimeout(RESPONSE_TIMEOUT).build();
        this.web = web;
        this.admin = web.mutate().defaultHeaders(h -> h.setBasicAuth("admin", IsolatedRuntime.ADMIN_PASSWORD)).build();
    }

    public WebTestClient web() {
        return web;
    }

    public WebTestClient admin() {
        return admin;
    }

    /** The default test debtor of the shared design, with overrides (daysPastDue, locale, name, balance, ...). */
    /**
     * Today where the default debtor lives (Bogotá). Days past due are counted in the debtor's zone, so a due date
     * taken from the machine's UTC day would be a day off between 00:00 and 05:00 UTC.
     */
    public static LocalDate today() {
        return LocalDate.now(java.time.ZoneId.of("America/Bogota"));
    }

    public static Map<String, Object> defaultDebtor(String id, LocalDate today, Map<String, Object> overrides) {
        long daysPastDue = ((Number) overrides.getOrDefault("daysPastDue", 10)).longValue();
        Map<String, Object> debt = new java.util.LinkedHashMap<>();
        debt.put("id", "L-77");
        debt.put("product", overrides.getOrDefault("product", "Tarjeta de crédito"));
        debt.put("balance", overrides.getOrDefault("balance", 1250000));
        debt.put("currency", overrides.getOrDefault("currency", "COP"));
        debt.put("dueDate", today.minusDays(daysPastDue).toString());
        Map<String, Object> debtor = new java.util.LinkedHashMap<>();
        debtor.put("id", id);
        debtor.put("name", overrides.getOrDefault("name", "Ana Pérez"));
        debtor.put("phone", overrides.getOrDefault("phone", "+573001234567"));
        debtor.put("locale", overrides.getOrDefault("locale", "es-CO"));
        debtor.put("timezone", overrides.getOrDefault("timezone", "America/Bogota"));
        debtor.put("country", overrides.getOrDefault("country", "CO"));
        debtor.put("documentLast4", String.valueOf(overrides.getOrDefault("documentLast4", "1234")));
        debtor.put("consent", Map.of("whatsapp", Map.of("optedIn", true, "at", "2026-10-01T10:00:00Z", "source", "web-signup")));
        debtor.put("debts", List.of(debt));
        return debtor;
    }

    public void loadDebtor(Map<String, Object> debtor) {
        JsonNode report = admin.post().uri("/api/debtors").contentType(MediaType.APPLICATION_JSON).bodyValue(List.of(debtor))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(report.get("rejected")).as("debtor rejected: %s", report).isEmpty();
    }

    public String token(String debtorId) {
        JsonNode link = admin.post().uri("/api/webchat/links").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("debtorId", debtorId)).exchange().expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(link.get("url").asText()).endsWith("/chat/" + link.get("token").asText());
        return link.get("token").asText();
    }

    /** Opens a session (a deep-link token, or null for an anonymous visitor). */
    public Session open(String token) {
        Object body = token == null ? Map.of() : Map.of("token", token);
        JsonNode started = web.post().uri("/webchat/api/sessions").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        return new Session(started.get("sessionId").asText(), started.get("conversationId").asText(),
                Replies.of(started.get("replies")));
    }

    public Replies say(Session session, String text) {
        return post(session, Map.of("text", text));
    }

    public Replies choose(Session session, String optionId) {
        return post(session, Map.of("optionId", optionId));
    }

    private Replies post(Session session, Map<String, String> body) {
        JsonNode answer = web.post().uri("/webchat/api/sessions/{id}/messages", session.sessionId())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        return Replies.of(answer.get("replies"));
    }

    public JsonNode transcript(Session session) {
        return web.get().uri("/webchat/api/sessions/{id}/messages", session.sessionId()).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    public JsonNode conversation(String conversationId) {
        return admin.get().uri("/api/conversations/{id}", conversationId).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    /** The debtor's data export (ADMIN): conversations, promises, plan requests, payments... */
    public JsonNode export(String debtorId) {
        return admin.get().uri("/api/debtors/{id}/export", debtorId).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    public JsonNode debtor(String debtorId) {
        return admin.get().uri("/api/debtors/{id}", debtorId).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    public record Session(String sessionId, String conversationId, Replies opening) {
    }

    /** The bot's replies of one turn. */
    public record Replies(List<JsonNode> replies) {

        static Replies of(JsonNode array) {
            List<JsonNode> list = new ArrayList<>();
            array.forEach(list::add);
            return new Replies(list);
        }

        public String text() {
            StringBuilder all = new StringBuilder();
            for (JsonNode reply : replies) {
                all.append(reply.path("text").asText()).append('\n');
            }
            return all.toString();
        }

        public List<String> optionIds() {
            List<String> ids = new ArrayList<>();
            for (JsonNode reply : replies) {
                reply.path("options").forEach(option -> ids.add(option.path("id").asText()));
            }
            return ids;
        }

        @Override
        public String toString() {
            try {
                return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(replies);
            } catch (Exception e) {
                return replies.toString();
            }
        }
    }
}

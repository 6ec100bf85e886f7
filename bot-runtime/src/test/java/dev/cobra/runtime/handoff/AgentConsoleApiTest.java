package dev.cobra.runtime.handoff;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cobra.runtime.config.IsolatedRuntime;
import dev.cobra.runtime.conversation.WebchatDriver;
import dev.cobra.runtime.conversation.WebchatDriver.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endpoints the agent console reads besides the agents' API (issue 5, console part): a chat's context panel
 * (debtor and debts, why the bot handed off and what the NLU saw, promises, contact check, steps for hand-back),
 * canned replies (read by agents, managed by supervisors) and the supervisor's overview. Real engine, real NLU,
 * shipped flows, embedded database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "bot.handoff.poll-interval=200ms")
class AgentConsoleApiTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @DynamicPropertySource
    static void isolated(DynamicPropertyRegistry registry) {
        IsolatedRuntime.register(registry);
    }

    @Autowired
    WebTestClient web;

    private WebchatDriver driver;
    private String debtorId;

    @BeforeEach
    void loadDebtor() {
        web = web.mutate().responseTimeout(WebchatDriver.RESPONSE_TIMEOUT).build();
        driver = new WebchatDriver(web);
        debtorId = "D-CON-" + SEQUENCE.incrementAndGet();
        driver.loadDebtor(WebchatDriver.defaultDebtor(debtorId, WebchatDriver.today(), Map.of("daysPastDue", 12)));
    }

    private record Staff(String username, WebTestClient client) {
    }

    private Staff staff(String role) {
        String username = role.toLowerCase() + "-c" + SEQUENCE.incrementAndGet();
        driver.admin().post().uri("/api/users").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", "secret-" + username, "roles", List.of(role)))
                .exchange().expectStatus().isCreated();
        return new Staff(username, web.mutate().defaultHeaders(h -> h.setBasicAuth(username, "secret-" + username)).build());
    }

    private Session waitingForAnAgent() {
        Session session = driver.open(driver.token(debtorId));
        assertThat(driver.say(session, "1234").optionIds()).contains("pay_now");
        driver.say(session, "quiero hablar con un asesor");
        assertThat(driver.conversation(session.conversationId()).get("status").asText()).isEqualTo("WAITING_AGENT");
        return session;
    }

    private static JsonNode get(WebTestClient client, String uri, Object... vars) {
        return client.get().uri(uri, vars).exchange().expectStatus().isOk().expectBody(JsonNode.class)
                .returnResult().getResponseBody();
    }

    @Test
    void theContextPanelShowsTheDebtorTheHandoffReasonWhatTheNluSawAndTheStepsToHandBackTo() {
        Staff agent = staff("AGENT");
        String id = waitingForAnAgent().conversationId();

        JsonNode context = get(agent.client(), "/api/agent/conversations/{id}/context", id);

        assertThat(context.at("/conversation/status").asText()).isEqualTo("WAITING_AGENT");
        assertThat(context.at("/conversation/channel").asText()).isEqualTo("webchat");
        assertThat(context.at("/conversation/verified").asBoolean()).isTrue();
        assertThat(context.at("/handoff/queue").asText()).isEqualTo("general");
        assertThat(context.at("/handoff/reason").asText()).isEqualTo("talk_to_agent");
        JsonNode understanding = context.at("/handoff/understanding");
        assertThat(understanding.get("intent").asText()).as("what the NLU saw is stored with the handoff").isEqualTo("talk_to_agent");
        assertThat(understanding.get("confidence").asDouble()).isBetween(0.0, 1.0).isPositive();
        assertThat(understanding.get("ranking")).isNotEmpty().hasSizeLessThanOrEqualTo(3);
        assertThat(understanding.at("/ranking/0/intent").asText()).isEqualTo("talk_to_agent");
        assertThat(understanding.toString()).as("never the debtor's text").doesNotContain("asesor");

        assertThat(context.at("/debtor/firstName").asText()).isEqualTo("Ana");
        assertThat(context.at("/debtor/daysPastDue").asLong()).isEqualTo(12);
        assertThat(context.at("/debtor/totalBalance").decimalValue()).isEqualByComparingTo("1250000");
        assertThat(context.at("/debtor/currency").asText()).isEqualTo("COP");
        assertThat(context.at("/debtor/debts/0/product").asText()).isEqualTo("Tarjeta de crédito");
        assertThat(context.at("/debtor/consent/whatsapp/optedIn").asBoolean()).isTrue();
        assertThat(context.at("/debtor").has("documentHash")).as("the document hash never leaves").isFalse();
        assertThat(context.get("promises")).isEmpty();

        JsonNode contact = context.get("contactNow");
        assertThat(contact.get("channel").asText()).isEqualTo("whatsapp");
        if (contact.get("known").asBoolean()) {
            JsonNode policy = get(driver.admin(), "/api/compliance/can-contact?debtorId={d}&channel=whatsapp", debtorId);
            assertThat(contact.get("allowed").asBoolean()).as("the contact policy's own answer").isEqualTo(policy.get("allowed").asBoolean());
            assertThat(contact.get("reason").asText()).isEqualTo(policy.get("reason").asText());
        } else {
            assertThat(contact.get("reason").asText()).isEqualTo("unknown");
        }
        List<String> steps = new ArrayList<>();
        context.get("steps").forEach(s -> steps.add(s.get("id").asText()));
        assertThat(steps).contains("main_menu");
    }

    @Test
    void anAgentHoldsUpTo200ChatsAndSeesTheDebtorWaitingLongestFirstWithUnreadCounts() {
        Staff agent = staff("AGENT");
        agent.client().put().uri("/api/agent/me/presence").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("status", "available", "queues", List.of("general"), "maxChats", 201))
                .exchange().expectStatus().isBadRequest();
        agent.client().put().uri("/api/agent/me/presence").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("status", "available", "queues", List.of("general"), "maxChats", 200))
                .exchange().expectStatus().isOk();
        Session first = waitingForAnAgent();
        debtorId = debtorId + "-B";
        driver.loadDebtor(WebchatDriver.defaultDebtor(debtorId, WebchatDriver.today(), Map.of("phone", String.format("+5730044%05d", SEQUENCE.incrementAndGet()))));
        Session second = waitingForAnAgent();
        for (Session s : List.of(first, second)) {
            agent.client().post().uri("/api/agent/conversations/{id}/claim", s.conversationId()).exchange().expectStatus().isOk();
        }
        // The agent answers the second chat; then the debtor of the first writes, then the second's.
        agent.client().post().uri("/api/agent/conversations/{id}/messages", second.conversationId())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("text", "Hola, te ayudo con gusto."))
                .exchange().expectStatus().is2xxSuccessful();
        driver.say(first, "hola? sigo esperando");
        driver.say(second, "gracias, una pregunta");

        JsonNode mine = get(agent.client(), "/api/agent/me/chats");
        assertThat(mine).hasSize(2);
        assertThat(mine.get(0).get("conversationId").asText()).as("waiting since the handoff, before the answer")
                .isEqualTo(first.conversationId());
        assertThat(mine.get(0).get("needsReplySince").asText()).isNotBlank();
        assertThat(mine.get(1).get("unread").asLong()).as("only the debtor's message since the agent wrote").isEqualTo(1);
        assertThat(mine.get(0).get("unread").asLong()).isPositive();

        agent.client().get().uri("/api/agent/conversations/{id}/messages", first.conversationId()).exchange()
                .expectStatus().isOk();
        JsonNode after = get(agent.client(), "/api/agent/me/chats");
        JsonNode firstAfter = after.get(0).get("conversationId").asText().equals(first.conversationId()) ? after.get(0) : after.get(1);
        assertThat(firstAfter.get("unread").asLong()).as("read").isZero();
    }

    @Test
    void aPromiseRecordedWhenTheAgentClosesShowsInTheContext() {
        Staff agent = staff("AGENT");
        String id = waitingForAnAgent().conversationId();
        agent.client().post().uri("/api/agent/conversations/{id}/claim", id).exchange().expectStatus().isOk();
        String date = LocalDate.now().plusDays(5).toString();
        agent.client().post().uri("/api/agent/conversations/{id}/release", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("close", true, "disposition", "PROMISE_TO_PAY", "promise", Map.of("date", date, "amount", 300000)))
                .exchange().expectStatus().isOk();

        JsonNode context = get(agent.client(), "/api/agent/conversations/{id}/context", id);

        assertThat(context.at("/conversation/status").asText()).isEqualTo("CLOSED");
        assertThat(context.get("promises")).hasSize(1);
        assertThat(context.at("/promises/0/date").asText()).isEqualTo(date);
        assertThat(context.at("/promises/0/amount").asText()).isEqualTo("300000");
        assertThat(context.at("/promises/0/conversationId").asText()).isEqualTo(id);
    }

    @Test
    void anUnknownConversationHasNoContext() {
        staff("AGENT").client().get().uri("/api/agent/conversations/{id}/context", "c_nope").exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.error").isEqualTo("not_found");
    }

    @Test
    void supervisorsManageCannedRepliesAndAgentsOnlyReadThem() {
        Staff agent = staff("AGENT");
        Staff supervisor = staff("SUPERVISOR");
        String title = "Saludo " + SEQUENCE.incrementAndGet();

        agent.client().post().uri("/api/agent/canned-replies").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("title", title, "text", "Hola {firstName}")).exchange()
                .expectStatus().isEqualTo(HttpStatus.FORBIDDEN).expectBody().jsonPath("$.error").isEqualTo("forbidden");
        supervisor.client().post().uri("/api/agent/canned-replies").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("title", " ", "text", "Hola")).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.error").isEqualTo("invalid_title");
        supervisor.client().post().uri("/api/agent/canned-replies").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("title", title, "text", "Hola", "locale", "fr")).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.error").isEqualTo("invalid_locale");
        assertThat(titles(agent)).as("refused requests store nothing").doesNotContain(title);

        JsonNode created = supervisor.client().post().uri("/api/agent/canned-replies").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("title", title, "text", "Hola {firstName}, soy {agent}.", "locale", "es")).exchange()
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        String replyId = created.get("id").asText();
        assertThat(created.get("updatedBy").asText()).isEqualTo(supervisor.username());
        assertThat(titles(agent)).contains(title);

        supervisor.client().put().uri("/api/agent/canned-replies/{id}", replyId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("title", title, "text", "Buenas, {firstName}.")).exchange().expectStatus().isOk();
        JsonNode listed = find(agent, replyId);
        assertThat(listed.get("text").asText()).isEqualTo("Buenas, {firstName}.");
        assertThat(listed.has("locale")).isFalse();

        agent.client().delete().uri("/api/agent/canned-replies/{id}", replyId).exchange().expectStatus().isForbidden();
        supervisor.client().put().uri("/api/agent/canned-replies/{id}", "nope").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("title", "x", "text", "y")).exchange().expectStatus().isNotFound();
        supervisor.client().delete().uri("/api/agent/canned-replies/{id}", replyId).exchange().expectStatus().isNoContent();
        supervisor.client().delete().uri("/api/agent/canned-replies/{id}", replyId).exchange().expectStatus().isNotFound();
        assertThat(find(agent, replyId)).isNull();
    }

    private List<String> titles(Staff staff) {
        List<String> titles = new ArrayList<>();
        get(staff.client(), "/api/agent/canned-replies").forEach(r -> titles.add(r.get("title").asText()));
        return titles;
    }

    private JsonNode find(Staff staff, String id) {
        for (JsonNode r : get(staff.client(), "/api/agent/canned-replies")) {
            if (r.get("id").asText().equals(id)) {
                return r;
            }
        }
        return null;
    }

    @Test
    void theOverviewShowsQueuesWaitingTimesAndEveryAgentsLoadToSupervisorsOnly() {
        Staff agent = staff("AGENT");
        Staff supervisor = staff("SUPERVISOR");
        agent.client().put().uri("/api/agent/me/presence").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("status", "available", "queues", List.of("general", "hardship"), "maxChats", 4))
                .exchange().expectStatus().isOk();
        String owned = waitingForAnAgent().conversationId();
        agent.client().post().uri("/api/agent/conversations/{id}/claim", owned).exchange().expectStatus().isOk();
        loadDebtor();
        String waiting = waitingForAnAgent().conversationId();

        agent.client().get().uri("/api/agent/overview").exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.error").isEqualTo("forbidden");
        JsonNode overview = get(supervisor.client(), "/api/agent/overview");

        JsonNode general = null;
        for (JsonNode q : overview.get("queues")) {
            if (q.get("queue").asText().equals("general")) {
                general = q;
            }
        }
        assertThat(general).isNotNull();
        assertThat(overview.get("queues").findValuesAsText("queue")).as("a queue an agent serves is listed though empty")
                .contains("hardship");
        assertThat(general.get("waiting").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(general.get("withAgents").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(general.get("longestWaitSeconds").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(overview.get("waiting").findValuesAsText("conversationId")).contains(waiting).doesNotContain(owned);
        assertThat(overview.get("owned").findValuesAsText("conversationId")).contains(owned);

        JsonNode load = null;
        for (JsonNode a : overview.get("agents")) {
            if (a.get("username").asText().equals(agent.username())) {
                load = a;
            }
        }
        assertThat(load).as("every AGENT user is listed").isNotNull();
        assertThat(load.get("status").asText()).isEqualTo("available");
        assertThat(load.get("chats").asInt()).isEqualTo(1);
        assertThat(load.get("maxChats").asInt()).isEqualTo(4);
        assertThat(overview.get("agents").findValuesAsText("username")).doesNotContain(supervisor.username());
    }
}

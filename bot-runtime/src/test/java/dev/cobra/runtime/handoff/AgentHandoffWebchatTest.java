package dev.cobra.runtime.handoff;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cobra.runtime.config.IsolatedRuntime;
import dev.cobra.runtime.conversation.WebchatDriver;
import dev.cobra.runtime.conversation.WebchatDriver.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 5, acceptance point 1 and the rest of the agents' API, through the public contract with the real engine,
 * the real NLU, the shipped flows and the embedded database: a webchat debtor asks for a person, an agent claims
 * the chat, talks to the debtor while the bot stays silent, and hands the chat back to the bot or closes it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "bot.handoff.poll-interval=200ms")
class AgentHandoffWebchatTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @DynamicPropertySource
    static void isolated(DynamicPropertyRegistry registry) {
        IsolatedRuntime.register(registry);
    }

    @Autowired
    WebTestClient web;

    @Autowired
    WaitingNotices notices;

    @Autowired
    HandoffService handoff;

    private WebchatDriver driver;
    private String debtorId;

    @BeforeEach
    void loadDebtor() {
        web = web.mutate().responseTimeout(WebchatDriver.RESPONSE_TIMEOUT).build();
        driver = new WebchatDriver(web);
        debtorId = "D-HO-" + SEQUENCE.incrementAndGet();
        driver.loadDebtor(WebchatDriver.defaultDebtor(debtorId, WebchatDriver.today(), Map.of()));
    }

    /** A new staff user with the given role; returns a client signed in as that user. */
    private WebTestClient staff(String role) {
        String username = role.toLowerCase() + "-" + SEQUENCE.incrementAndGet();
        driver.admin().post().uri("/api/users").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", "secret-" + username, "roles", List.of(role)))
                .exchange().expectStatus().isCreated();
        return web.mutate().defaultHeaders(h -> h.setBasicAuth(username, "secret-" + username)).build();
    }

    private static String name(WebTestClient client) {
        return client.get().uri("/api/me").exchange().expectStatus().isOk().expectBody(JsonNode.class)
                .returnResult().getResponseBody().get("username").asText();
    }

    /**
     * Verified, at the main menu, then asks for a person: the chat waits for an agent. Each call is another debtor's
     * chat (the queue keeps one entry per debtor and reason, issue 16).
     */
    private Session waitingForAnAgent() {
        String chatDebtor = debtorId + "-" + SEQUENCE.incrementAndGet();
        driver.loadDebtor(WebchatDriver.defaultDebtor(chatDebtor, WebchatDriver.today(), Map.of()));
        Session session = driver.open(driver.token(chatDebtor));
        assertThat(driver.say(session, "1234").optionIds()).contains("pay_now");
        driver.say(session, "quiero hablar con una persona");
        assertThat(driver.conversation(session.conversationId()).get("status").asText()).isEqualTo("WAITING_AGENT");
        return session;
    }

    private static void presence(WebTestClient agent, Map<String, Object> body) {
        agent.put().uri("/api/agent/me/presence").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isOk();
    }

    /** Hands every chat left waiting by earlier tests to an agent who is away, so routing starts from a clean queue. */
    private void drainQueue() {
        String parking = name(staff("AGENT"));
        JsonNode queue = driver.admin().get().uri("/api/agent/queue").exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        for (JsonNode entry : queue) {
            driver.admin().post().uri("/api/agent/conversations/{id}/assign", entry.get("conversationId").asText())
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("agent", parking))
                    .exchange().expectStatus().isOk();
        }
    }

    private JsonNode queueEntry(WebTestClient agent, String conversationId) {
        JsonNode queue = agent.get().uri("/api/agent/queue").exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        for (JsonNode entry : queue) {
            if (entry.get("conversationId").asText().equals(conversationId)) {
                return entry;
            }
        }
        return null;
    }

    private WebTestClient.ResponseSpec claim(WebTestClient agent, String conversationId) {
        return agent.post().uri("/api/agent/conversations/{id}/claim", conversationId).exchange();
    }

    private WebTestClient.ResponseSpec send(WebTestClient agent, String conversationId, String text) {
        return agent.post().uri("/api/agent/conversations/{id}/messages", conversationId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("text", text)).exchange();
    }

    private WebTestClient.ResponseSpec release(WebTestClient agent, String conversationId, Map<String, Object> body) {
        return agent.post().uri("/api/agent/conversations/{id}/release", conversationId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    @Test
    void aWebchatDebtorAsksForAPersonTalksToAnAgentAndTheBotTakesOverAgainAtTheChosenStep() {
        WebTestClient ana = staff("AGENT");
        WebTestClient bruno = staff("AGENT");
        Session session = waitingForAnAgent();
        String id = session.conversationId();

        JsonNode waiting = queueEntry(ana, id);
        assertThat(waiting).as("the chat is in the queue").isNotNull();
        assertThat(waiting.get("queue").asText()).isEqualTo("general");
        assertThat(waiting.get("reason").asText()).isNotBlank();
        assertThat(waiting.get("position").asInt()).isPositive();
        assertThat(waiting.get("waitingSeconds").asLong()).isGreaterThanOrEqualTo(0);

        claim(ana, id).expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("AGENT").jsonPath("$.agent").isEqualTo(name(ana));
        claim(bruno, id).expectStatus().isEqualTo(HttpStatus.CONFLICT).expectBody()
                .jsonPath("$.error").isEqualTo("claimed_by_another_agent").jsonPath("$.message").isNotEmpty();
        assertThat(queueEntry(ana, id)).as("a claimed chat leaves the queue").isNull();
        assertThat(driver.conversation(id).get("status").asText()).isEqualTo("AGENT");

        Flux<JsonNode> widget = web.get().uri("/webchat/api/sessions/{id}/events", session.sessionId())
                .accept(MediaType.TEXT_EVENT_STREAM).exchange().expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<JsonNode>>() {
                }).getResponseBody().filter(e -> e.data() != null).map(ServerSentEvent::data);
        StepVerifier.create(widget.filter(entry -> entry.get("from").asText().equals("agent")))
                .then(() -> send(ana, id, "Hola Ana, soy Laura. ¿En qué te puedo ayudar?").expectStatus().isCreated()
                        .expectBody().jsonPath("$.message.from").isEqualTo("agent").jsonPath("$.windowOpen").isEqualTo(true))
                .assertNext(entry -> assertThat(entry.get("text").asText()).contains("soy Laura"))
                .thenCancel()
                .verify(Duration.ofSeconds(20));
        send(bruno, id, "Hola").expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.error").isEqualTo("claimed_by_another_agent");

        assertThat(driver.say(session, "necesito más tiempo para pagar").replies())
                .as("the bot is silent while an agent owns the chat").isEmpty();
        JsonNode transcript = driver.transcript(session);
        List<String> tail = new ArrayList<>();
        for (int i = transcript.size() - 2; i < transcript.size(); i++) {
            tail.add(transcript.get(i).get("from").asText() + ":" + transcript.get(i).get("text").asText());
        }
        assertThat(tail).containsExactly("agent:Hola Ana, soy Laura. ¿En qué te puedo ayudar?",
                "debtor:necesito más tiempo para pagar");

        release(ana, id, Map.of("resumeStep", "no_such_step")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").isEqualTo("unknown_step");
        release(ana, id, Map.of("resumeStep", "main_menu", "disposition", "NOT_A_DISPOSITION"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.error").isEqualTo("unknown_disposition");
        release(bruno, id, Map.of("resumeStep", "main_menu")).expectStatus().isEqualTo(HttpStatus.CONFLICT);
        assertThat(driver.conversation(id).get("status").asText()).as("a refused release changes nothing").isEqualTo("AGENT");

        JsonNode released = release(ana, id, Map.of("resumeStep", "main_menu")).expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(released.get("status").asText()).isEqualTo("BOT");
        JsonNode state = driver.conversation(id);
        assertThat(state.get("status").asText()).isEqualTo("BOT");
        assertThat(state.get("step").asText()).isEqualTo("main_menu");
        JsonNode afterRelease = driver.transcript(session);
        assertThat(afterRelease.get(afterRelease.size() - 1).get("type").asText())
                .as("the bot asks the main menu again").isEqualTo("options");
        assertThat(driver.choose(session, "pay_now").text()).as("the bot answers again from that step").contains("http");
    }

    @Test
    void aDebtorWhoWritesWhileWaitingIsToldOnceTheyAreInLineAndTheAgentSeesEveryMessage() {
        WebTestClient ana = staff("AGENT");
        Session session = waitingForAnAgent();
        String id = session.conversationId();

        assertThat(driver.say(session, "hola?").text()).as("a short word that the debtor is in line")
                .contains("fila").doesNotContain("1.250.000");
        assertThat(driver.say(session, "sigo esperando").replies()).as("not repeated on every message").isEmpty();
        assertThat(driver.conversation(id).get("status").asText()).isEqualTo("WAITING_AGENT");
        assertThat(queueEntry(ana, id)).as("still in the queue").isNotNull();

        JsonNode agentView = ana.get().uri("/api/agent/conversations/{id}/messages", id).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        List<String> tail = new ArrayList<>();
        for (int i = agentView.size() - 3; i < agentView.size(); i++) {
            tail.add(agentView.get(i).get("from").asText() + ":" + agentView.get(i).get("text").asText());
        }
        assertThat(tail).as("the agent console has both messages, and the bot's word between them")
                .hasSize(3).satisfies(lines -> {
                    assertThat(lines.get(0)).isEqualTo("debtor:hola?");
                    assertThat(lines.get(1)).startsWith("bot:").contains("fila");
                    assertThat(lines.get(2)).isEqualTo("debtor:sigo esperando");
                });

        claim(ana, id).expectStatus().isOk();
        assertThat(driver.say(session, "alguien??").replies()).as("once an agent has the chat the bot is silent").isEmpty();
    }

    @Test
    void releasedWithoutAStepTheBotContinuesWhereTheFlowLeftOffAtTheMainMenu() {
        WebTestClient agent = staff("AGENT");
        Session session = waitingForAnAgent();
        String id = session.conversationId();
        claim(agent, id).expectStatus().isOk();

        JsonNode released = release(agent, id, Map.of()).expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(released.get("status").asText()).isEqualTo("BOT");
        assertThat(released.get("replies")).as("the bot speaks again at once").isNotEmpty();
        assertThat(driver.conversation(id).get("step").asText()).isEqualTo("main_menu");
        assertThat(released.findValuesAsText("type")).contains("options");
        assertThat(driver.choose(session, "pay_now").text()).contains("http");
    }

    /** Verified, inside the promise subflow (date question), then asks for a person there. */
    private Session waitingForAnAgentInsideASubflow() {
        Session session = driver.open(driver.token(debtorId));
        driver.say(session, "1234");
        driver.choose(session, "promise");
        assertThat(driver.conversation(session.conversationId()).get("flowId").asText()).isEqualTo("promise_to_pay");
        driver.say(session, "quiero hablar con una persona");
        assertThat(driver.conversation(session.conversationId()).get("status").asText()).isEqualTo("WAITING_AGENT");
        return session;
    }

    @Test
    void fromInsideASubflowTheAgentHandsBackToTheStageMenu() {
        WebTestClient agent = staff("AGENT");
        Session session = waitingForAnAgentInsideASubflow();
        String id = session.conversationId();
        claim(agent, id).expectStatus().isOk();

        JsonNode released = release(agent, id, Map.of("resumeStep", "main_menu")).expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(released.get("status").asText()).isEqualTo("BOT");
        JsonNode state = driver.conversation(id);
        assertThat(state.get("flowId").asText()).isEqualTo("early");
        assertThat(state.get("step").asText()).isEqualTo("main_menu");
        assertThat(released.toString()).contains("asistente virtual");
        assertThat(driver.choose(session, "pay_now").text()).contains("http");
    }

    @Test
    void releasedWithoutAStepInsideASubflowTheBotTellsTheDebtorItIsBackAndAsksAgain() {
        WebTestClient agent = staff("AGENT");
        Session session = waitingForAnAgentInsideASubflow();
        String id = session.conversationId();
        claim(agent, id).expectStatus().isOk();

        JsonNode released = release(agent, id, Map.of()).expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(released.get("status").asText()).isEqualTo("BOT");
        assertThat(driver.conversation(id).get("status").asText()).as("never left closed").isEqualTo("BOT");
        assertThat(released.toString()).contains("asistente virtual");
        assertThat(released.findValuesAsText("type")).contains("options");
    }

    @Test
    void anAgentClosesTheChatWithAPromiseToPayAndTheDispositionIsRecorded() {
        WebTestClient agent = staff("AGENT");
        String id = waitingForAnAgent().conversationId();
        claim(agent, id).expectStatus().isOk();

        release(agent, id, Map.of("close", true)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").isEqualTo("disposition_required");
        release(agent, id, Map.of("close", true, "disposition", "PROMISE_TO_PAY", "note", "Paga el viernes",
                "promise", Map.of("date", LocalDate.now().plusDays(3).toString(), "amount", 500000)))
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("CLOSED")
                .jsonPath("$.disposition").isEqualTo("PROMISE_TO_PAY");

        JsonNode state = driver.conversation(id);
        assertThat(state.get("status").asText()).isEqualTo("CLOSED");
        assertThat(state.get("disposition").asText()).isEqualTo("PROMISE_TO_PAY");
        send(agent, id, "¿Sigues ahí?").expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.error").isEqualTo("not_claimed");
    }

    @Test
    void ofManyAgentsClaimingTheSameChatAtOnceExactlyOneWins() {
        List<WebTestClient> agents = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            agents.add(staff("AGENT"));
        }
        String id = waitingForAnAgent().conversationId();

        List<Integer> statuses = Flux.fromIterable(agents)
                .flatMap(agent -> Mono.fromCallable(() -> claim(agent, id).returnResult(JsonNode.class).getStatus().value())
                        .subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic()), agents.size())
                .collectList().block(Duration.ofSeconds(60));

        assertThat(statuses).hasSize(6);
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(5);
    }

    @Test
    void unknownConversationsAreNotFoundAndStaffWithoutTheAgentRoleAreForbidden() {
        WebTestClient agent = staff("AGENT");
        claim(agent, "c_missing").expectStatus().isNotFound().expectBody().jsonPath("$.error").isEqualTo("not_found");
        send(agent, "c_missing", "hola").expectStatus().isNotFound();
        staff("DESIGNER").get().uri("/api/agent/queue").exchange().expectStatus().isForbidden();
        web.get().uri("/api/agent/queue").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void theRoutingSuggestionPicksTheLeastBusyAvailableAgentWithTheSkillAndSupervisorsReassign() {
        drainQueue();
        WebTestClient busy = staff("AGENT");
        WebTestClient free = staff("AGENT");
        WebTestClient otherSkill = staff("AGENT");
        WebTestClient supervisor = staff("SUPERVISOR");
        busy.put().uri("/api/agent/me/presence").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("status", "lunch")).exchange().expectStatus().isBadRequest();
        for (WebTestClient agent : List.of(busy, free)) {
            presence(agent, Map.of("status", "available", "queues", List.of("general"), "maxChats", 2));
        }
        presence(otherSkill, Map.of("status", "available", "queues", List.of("complaints")));
        claim(busy, waitingForAnAgent().conversationId()).expectStatus().isOk();
        String id = waitingForAnAgent().conversationId();

        assertThat(queueEntry(busy, id).get("suggestedAgent").asText()).isEqualTo(name(free));

        free.post().uri("/api/agent/conversations/{id}/assign", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("agent", name(busy))).exchange().expectStatus().isForbidden();
        supervisor.post().uri("/api/agent/conversations/{id}/assign", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("agent", "nobody")).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").isEqualTo("unknown_agent");
        supervisor.post().uri("/api/agent/conversations/{id}/assign", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("agent", name(otherSkill))).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.agent").isEqualTo(name(otherSkill));
        send(otherSkill, id, "Hola, te atiendo yo").expectStatus().isCreated();
        JsonNode mine = otherSkill.get().uri("/api/agent/me/chats").exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(mine.findValuesAsText("conversationId")).containsExactly(id);
        for (WebTestClient agent : List.of(busy, free, otherSkill)) {
            presence(agent, Map.of("status", "away"));
        }
    }

    @Test
    void autoAssignGivesTheOldestWaitingChatToAnAvailableAgentAndRespectsTheLimit() {
        drainQueue();
        WebTestClient agent = staff("AGENT");
        presence(agent, Map.of("status", "available", "queues", List.of("general"), "maxChats", 1));
        String older = waitingForAnAgent().conversationId();
        String newer = waitingForAnAgent().conversationId();

        Integer assigned = handoff.autoAssign().block(Duration.ofSeconds(20));
        presence(agent, Map.of("status", "away"));

        assertThat(assigned).isEqualTo(1);
        assertThat(driver.conversation(older).get("status").asText()).isEqualTo("AGENT");
        assertThat(driver.conversation(newer).get("status").asText()).as("the agent is at the limit").isEqualTo("WAITING_AGENT");
        JsonNode mine = agent.get().uri("/api/agent/me/chats").exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(mine.findValuesAsText("conversationId")).containsExactly(older);
    }

    @Test
    void anAgentWhoReachedTheChatLimitCannotClaimAnother() {
        WebTestClient agent = staff("AGENT");
        presence(agent, Map.of("status", "available", "maxChats", 1));
        String first = waitingForAnAgent().conversationId();
        String second = waitingForAnAgent().conversationId();

        claim(agent, first).expectStatus().isOk();
        claim(agent, second).expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.error").isEqualTo("chat_limit_reached");
        claim(agent, first).expectStatus().isOk(); // claiming one's own chat again is fine
        presence(agent, Map.of("status", "away"));
    }

    @Test
    void aChatThatWaitsTooLongGetsOneNoticeAndStaysQueued() {
        Session session = waitingForAnAgent();
        int before = driver.transcript(session).size();

        Integer sent = notices.sendDue(Instant.now().plus(Duration.ofHours(1))).block(Duration.ofSeconds(20));
        Integer again = notices.sendDue(Instant.now().plus(Duration.ofHours(2))).block(Duration.ofSeconds(20));

        assertThat(sent).isGreaterThanOrEqualTo(1);
        assertThat(again).isZero();
        JsonNode transcript = driver.transcript(session);
        assertThat(transcript.size()).isEqualTo(before + 1);
        assertThat(transcript.get(before).get("text").asText()).contains("asesores").contains("fila");
        assertThat(driver.conversation(session.conversationId()).get("status").asText()).isEqualTo("WAITING_AGENT");
    }

    @Test
    void consolesSeeAHandoffLiveOverServerSentEvents() {
        WebTestClient agent = staff("AGENT");
        Session session = driver.open(driver.token(debtorId));
        driver.say(session, "1234");
        Flux<JsonNode> events = agent.get().uri("/api/agent/events").accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isOk().returnResult(new ParameterizedTypeReference<ServerSentEvent<JsonNode>>() {
                }).getResponseBody().filter(e -> "queue".equals(e.event())).map(ServerSentEvent::data);

        StepVerifier.create(events)
                .assertNext(first -> assertThat(first.get("waiting").findValuesAsText("conversationId"))
                        .doesNotContain(session.conversationId()))
                .then(() -> driver.say(session, "quiero hablar con una persona"))
                .expectNextMatches(next -> next.get("waiting").findValuesAsText("conversationId")
                        .contains(session.conversationId()))
                .thenCancel()
                .verify(Duration.ofSeconds(30));
    }
}

package dev.cobra.runtime.channel.webchat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cobra.runtime.config.IsolatedRuntime;
import dev.cobra.runtime.conversation.PinnedClockConfiguration;
import dev.cobra.runtime.conversation.TurnHandler;
import dev.cobra.runtime.conversation.TurnResult;
import dev.cobra.runtime.conversation.WebchatDriver;
import dev.cobra.runtime.conversation.WebchatDriver.Replies;
import dev.cobra.runtime.conversation.WebchatDriver.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 2, acceptance points 2, 3 and 6 (webchat part), through the public contract with the real engine, the
 * real NLU and the shipped flows. "Today" is pinned to {@link PinnedClockConfiguration#DEFAULT_TODAY}
 * (a Wednesday).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(PinnedClockConfiguration.class)
class WebchatConversationAcceptanceTest {

    private static final AtomicInteger DEBTORS = new AtomicInteger();

    @DynamicPropertySource
    static void isolated(DynamicPropertyRegistry registry) {
        IsolatedRuntime.register(registry);
    }

    @Autowired
    WebTestClient web;

    @Autowired
    TurnHandler turns;

    private WebchatDriver driver;
    private String debtorId;

    @BeforeEach
    void loadDebtor() {
        web = web.mutate().responseTimeout(WebchatDriver.RESPONSE_TIMEOUT).build();
        driver = new WebchatDriver(web);
        debtorId = "D-ACC-" + DEBTORS.incrementAndGet();
        driver.loadDebtor(WebchatDriver.defaultDebtor(debtorId, PinnedClockConfiguration.DEFAULT_TODAY, Map.of()));
    }

    /** Deep link, greeting, right digits: the conversation waits in the main menu. */
    private Session verifiedAtTheMenu() {
        Session session = driver.open(driver.token(debtorId));
        assertThat(session.opening().text()).contains("Ana").doesNotContain("1.250.000").doesNotContain("Tarjeta");
        Replies afterDigits = driver.say(session, "1234");
        assertThat(afterDigits.text()).contains("1.250.000");
        assertThat(afterDigits.optionIds()).contains("pay_now", "promise", "plan");
        return session;
    }

    @Test
    void aDeepLinkedDebtorIsVerifiedSeesTheBalanceAndGetsAPaymentLink() {
        Session session = verifiedAtTheMenu();

        Replies paid = driver.choose(session, "pay_now");

        assertThat(paid.text()).containsPattern("https?://\\S+/\\S+");
        JsonNode state = driver.conversation(session.conversationId());
        assertThat(state.get("verified").asBoolean()).isTrue();
        assertThat(state.get("status").asText()).isEqualTo("CLOSED");
        assertThat(state.get("channel").asText()).isEqualTo("webchat");
        assertThat(state.get("debtorId").asText()).isEqualTo(debtorId);
        assertThat(state.get("slots").get("paymentLink").asText()).startsWith("http");
    }

    @Test
    void aPromiseTypedAsElViernesIsConfirmedForTheComingFriday() {
        Session session = verifiedAtTheMenu();
        driver.choose(session, "promise");

        Replies askAmount = driver.say(session, "el viernes");
        assertThat(driver.conversation(session.conversationId()).get("slots").get("promiseDate").asText())
                .isEqualTo("2026-11-20");
        assertThat(askAmount.text()).contains("1.250.000");

        Replies confirm = driver.say(session, "500000");
        assertThat(confirm.text()).contains("20 de noviembre").contains("500.000");
        Replies done = driver.choose(session, "confirm_yes");

        assertThat(done.text()).contains("20 de noviembre");
        JsonNode state = driver.conversation(session.conversationId());
        assertThat(state.get("disposition").asText()).isEqualTo("PROMISE_TO_PAY");
        assertThat(state.get("status").asText()).isEqualTo("CLOSED");
    }

    @Test
    void bajaInTheMainMenuOptsTheDebtorOutEverywhereAndEndsPolitely() {
        Session session = verifiedAtTheMenu();

        Replies goodbye = driver.say(session, "BAJA");

        assertThat(goodbye.replies()).isNotEmpty();
        JsonNode state = driver.conversation(session.conversationId());
        assertThat(state.get("optedOut").asBoolean()).isTrue();
        assertThat(state.get("status").asText()).isEqualTo("CLOSED");
        assertThat(state.get("disposition").asText()).isEqualTo("OPTED_OUT");
        assertThat(driver.debtor(debtorId).get("optedOut").asBoolean()).isTrue();
    }

    @Test
    void noMeEscribanMasDuringVerificationOptsOutBeforeAnyDebtDetail() {
        Session session = driver.open(driver.token(debtorId));

        Replies goodbye = driver.say(session, "no me escriban más");

        assertThat(goodbye.text()).doesNotContain("1.250.000");
        JsonNode state = driver.conversation(session.conversationId());
        assertThat(state.get("optedOut").asBoolean()).isTrue();
        assertThat(state.get("status").asText()).isEqualTo("CLOSED");
        assertThat(driver.debtor(debtorId).get("optedOut").asBoolean()).isTrue();
    }

    @Test
    void askingForAPersonInTheMenuWaitsForAnAgentInAQueue() {
        Session session = verifiedAtTheMenu();

        driver.say(session, "quiero hablar con una persona");

        JsonNode state = driver.conversation(session.conversationId());
        assertThat(state.get("status").asText()).isEqualTo("WAITING_AGENT");
        assertThat(state.get("handoff").get("queue").asText()).isNotBlank();
        assertThat(driver.say(session, "hola?").text()).as("the debtor hears they are in line").contains("fila");
        assertThat(driver.say(session, "sigo esperando").replies()).as("but not on every message").isEmpty();
    }

    @Test
    void afterAnAgentReleasesTheChatTheBotAsksAgainAndTheWidgetSeesIt() {
        Session session = verifiedAtTheMenu();
        driver.say(session, "quiero hablar con una persona");

        TurnResult resumed = turns.resume(session.conversationId(), "main_menu").block(Duration.ofSeconds(20));

        assertThat(resumed.replies()).anySatisfy(reply -> assertThat(reply.options()).isNotEmpty());
        JsonNode state = driver.conversation(session.conversationId());
        assertThat(state.get("status").asText()).isEqualTo("BOT");
        assertThat(state.get("step").asText()).isEqualTo("main_menu");
        JsonNode transcript = driver.transcript(session);
        assertThat(transcript.get(transcript.size() - 1).get("type").asText()).isEqualTo("options");
        assertThat(driver.choose(session, "pay_now").text()).contains("http");
    }

    @Test
    void askingForAPersonDuringVerificationWaitsForAnAgentToo() {
        Session session = driver.open(driver.token(debtorId));

        driver.say(session, "quiero hablar con una persona");

        JsonNode state = driver.conversation(session.conversationId());
        assertThat(state.get("status").asText()).isEqualTo("WAITING_AGENT");
        assertThat(state.get("handoff").get("queue").asText()).isNotBlank();
    }

    @Test
    void theTranscriptListsDebtorAndBotMessagesOldestFirst() {
        Session session = verifiedAtTheMenu();

        JsonNode transcript = driver.transcript(session);

        assertThat(transcript.get(0).get("from").asText()).isEqualTo("bot");
        assertThat(transcript.findValuesAsText("from")).contains("debtor");
        JsonNode debtorEntry = null;
        for (JsonNode entry : transcript) {
            if (entry.get("from").asText().equals("debtor")) {
                debtorEntry = entry;
            }
        }
        // Identity digits are masked before the transcript stores them (issue 16).
        assertThat(debtorEntry.get("text").asText()).isEqualTo("••••");
        assertThat(transcript.get(transcript.size() - 1).get("type").asText()).isEqualTo("options");
        assertThat(transcript.get(0).get("at").asText()).startsWith("2026-11-18");
    }

    @Test
    void theBotsRepliesArePushedLiveToTheWidget() {
        Session session = driver.open(driver.token(debtorId));
        Flux<ServerSentEvent<JsonNode>> live = web.get().uri("/webchat/api/sessions/{id}/events", session.sessionId())
                .accept(MediaType.TEXT_EVENT_STREAM).exchange().expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<JsonNode>>() {
                }).getResponseBody();

        StepVerifier.create(live.filter(event -> event.data() != null).map(ServerSentEvent::data))
                .then(() -> driver.say(session, "1234"))
                .assertNext(entry -> {
                    assertThat(entry.get("from").asText()).isEqualTo("bot");
                    assertThat(entry.get("at").asText()).isNotBlank();
                })
                .thenConsumeWhile(entry -> !entry.get("type").asText().equals("options"))
                .thenCancel()
                .verify(Duration.ofSeconds(20));
        web.get().uri("/webchat/api/sessions/{id}/events", "s_unknown").accept(MediaType.TEXT_EVENT_STREAM)
                .exchange().expectStatus().isNotFound();
    }

    @Test
    void conversationStateIsForStaffAndAnUnknownIdIsNotFound() {
        Session session = driver.open(driver.token(debtorId));
        web.get().uri("/api/conversations/{id}", session.conversationId()).exchange().expectStatus().isUnauthorized();
        driver.admin().get().uri("/api/conversations/{id}", "c_missing").exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.error").isEqualTo("not_found");
        driver.admin().get().uri("/api/conversations/{id}", session.conversationId()).exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.id").isEqualTo(session.conversationId())
                .jsonPath("$.flowId").isEqualTo("verification")
                .jsonPath("$.flowVersion").isNumber()
                .jsonPath("$.step").isEqualTo("ask_document")
                .jsonPath("$.status").isEqualTo("BOT")
                .jsonPath("$.verified").isEqualTo(false)
                .jsonPath("$.optedOut").isEqualTo(false)
                .jsonPath("$.slots").isMap();
    }

    @Test
    void anUnknownSessionIsNotFoundAndRevealsNothing() {
        web.post().uri("/webchat/api/sessions/{id}/messages", "s_00000000000000000000000000000000")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("text", "hola"))
                .exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.error").isEqualTo("session_not_found").jsonPath("$.message").isNotEmpty();
        web.get().uri("/webchat/api/sessions/{id}/messages", "nope").exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.error").isEqualTo("session_not_found");
    }

    @Test
    void aForgedDeepLinkTokenIsRejected() {
        web.post().uri("/webchat/api/sessions").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("token", "forged-token")).exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.error").isEqualTo("link_not_found");
    }

    @Test
    void aOneMegabyteTextIsRefusedWith413AndNothingIsStored() {
        Session session = driver.open(driver.token(debtorId));
        int before = driver.transcript(session).size();

        web.post().uri("/webchat/api/sessions/{id}/messages", session.sessionId())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("text", "a".repeat(1024 * 1024)))
                .exchange().expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.error").isEqualTo("text_too_long");

        assertThat(driver.transcript(session).size()).isEqualTo(before);
        assertThat(driver.conversation(session.conversationId()).get("step").asText()).isEqualTo("ask_document");
    }

    @Test
    void anEmptyOrMalformedMessageIsABadRequest() {
        Session session = driver.open(driver.token(debtorId));

        web.post().uri("/webchat/api/sessions/{id}/messages", session.sessionId())
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.error").isEqualTo("empty_message");
        web.post().uri("/webchat/api/sessions/{id}/messages", session.sessionId())
                .contentType(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.error").isNotEmpty();
        web.post().uri("/webchat/api/sessions/{id}/messages", session.sessionId())
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"text\": \"hola")
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.error").isNotEmpty();
    }

    @Test
    void anAnonymousVisitorGetsAGreetingAndMenuWithoutAnyDebt() {
        Session session = driver.open(null);

        assertThat(session.opening().optionIds()).isNotEmpty();
        JsonNode state = driver.conversation(session.conversationId());
        assertThat(state.get("debtorId").isNull()).isTrue();
        assertThat(state.get("status").asText()).isEqualTo("BOT");
    }

    @Test
    void deepLinksAreForStaffOnlyAndPointAtTheRequestHost() {
        web.post().uri("/api/webchat/links").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("debtorId", debtorId))
                .exchange().expectStatus().isUnauthorized();
        driver.admin().post().uri("/api/webchat/links").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("debtorId", "D-NOBODY")).exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.error").isEqualTo("not_found");
        driver.admin().post().uri("/api/webchat/links").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("debtorId", debtorId)).exchange().expectStatus().isCreated()
                .expectBody().jsonPath("$.url").value(url -> assertThat(url.toString()).startsWith("http://localhost:"));
    }
}

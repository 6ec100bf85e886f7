package dev.cobra.runtime.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cobra.runtime.conversation.message.InboundMessage;
import dev.cobra.runtime.config.IsolatedRuntime;
import dev.cobra.runtime.conversation.WebchatDriver.Session;
import dev.cobra.runtime.conversation.engine.FlowEngine;
import dev.cobra.runtime.conversation.state.ConversationStore;
import dev.cobra.runtime.conversation.state.MessageLog;
import dev.cobra.runtime.debtor.DebtorDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 2, acceptance point 5: concurrent messages into one conversation are processed one at a time, in arrival
 * order, none lost — checked on the message log.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(PinnedClockConfiguration.class)
class ConversationOrderingTest {

    private static final int MESSAGES = 50;

    @DynamicPropertySource
    static void isolated(DynamicPropertyRegistry registry) {
        IsolatedRuntime.register(registry);
    }

    @Autowired
    WebTestClient web;

    @Autowired
    TurnHandler turns;

    @LocalServerPort
    int port;

    @Autowired
    ConversationStore store;

    @Autowired
    MessageLog messageLog;

    @Autowired
    FlowEngine engine;

    @Autowired
    DebtorDirectory debtors;

    @Autowired
    Clock clock;

    private WebchatDriver driver;
    private Session session;

    @BeforeEach
    void openSession() {
        driver = new WebchatDriver(web);
        String debtorId = "D-ORDER-" + System.nanoTime();
        driver.loadDebtor(WebchatDriver.defaultDebtor(debtorId, PinnedClockConfiguration.DEFAULT_TODAY, Map.of()));
        session = driver.open(driver.token(debtorId));
    }

    @Test
    void fiftyConcurrentHttpMessagesAreAllLoggedEachTurnWhole() {
        WebClient client = WebClient.create("http://localhost:" + port);
        Map<String, List<String>> answered = new HashMap<>();

        List<Map.Entry<String, List<String>>> results = Flux.range(1, MESSAGES)
                .flatMap(i -> client.post().uri("/webchat/api/sessions/{id}/messages", session.sessionId())
                        .bodyValue(Map.of("text", "mensaje " + tag(i))).retrieve().bodyToMono(JsonNode.class)
                        .map(body -> Map.entry("mensaje " + tag(i), texts(body.get("replies")))), MESSAGES)
                .collectList().block(Duration.ofSeconds(60));
        results.forEach(e -> answered.put(e.getKey(), e.getValue()));

        JsonNode transcript = driver.transcript(session);
        List<String> debtorTexts = new ArrayList<>();
        // Walk the log: every debtor message must be followed directly by exactly the replies its request got,
        // which only holds when no other turn ran in between.
        for (int i = 0; i < transcript.size(); i++) {
            JsonNode entry = transcript.get(i);
            if (!entry.get("from").asText().equals("debtor")) {
                continue;
            }
            String said = entry.get("text").asText();
            debtorTexts.add(said);
            List<String> following = new ArrayList<>();
            for (int j = i + 1; j < transcript.size() && !transcript.get(j).get("from").asText().equals("debtor"); j++) {
                following.add(transcript.get(j).get("text").asText());
            }
            assertThat(following).as("replies logged after '%s'", said).isEqualTo(answered.get(said));
        }
        assertThat(debtorTexts).hasSize(MESSAGES)
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, MESSAGES).mapToObj(i -> "mensaje " + tag(i)).toList());
    }

    @Test
    void fiftyMessagesInFlightAtOnceAreProcessedInArrivalOrder() {
        List<Mono<TurnResult>> inFlight = IntStream.rangeClosed(1, MESSAGES)
                .mapToObj(i -> turns.handle(new InboundMessage("webchat", session.conversationId(), null,
                        session.sessionId(), null, "mensaje " + tag(i), null, Instant.now())))
                .toList();

        // mergeSequential subscribes to all of them immediately, in order: that is their arrival order.
        List<TurnResult> results = Flux.mergeSequential(inFlight).collectList().block(Duration.ofSeconds(60));

        assertThat(results).hasSize(MESSAGES);
        List<String> logged = new ArrayList<>();
        driver.transcript(session).forEach(entry -> {
            if (entry.get("from").asText().equals("debtor")) {
                logged.add(entry.get("text").asText());
            }
        });
        assertThat(logged).containsExactlyElementsOf(IntStream.rangeClosed(1, MESSAGES).mapToObj(i -> "mensaje " + tag(i)).toList());
    }

    @Test
    void twoRuntimeInstancesWritingTheSameConversationLoseNothing() {
        // A second handler has lanes of its own: to the first, it is another instance sharing the database.
        TurnHandler otherInstance = new ConversationTurnHandler(store, messageLog, engine, debtors, clock, List.of());
        int perInstance = 10;

        List<Mono<TurnResult>> inFlight = new ArrayList<>();
        for (int i = 1; i <= perInstance; i++) {
            inFlight.add(turns.handle(message("primera " + tag(i))));
            inFlight.add(otherInstance.handle(message("segunda " + tag(i))));
        }
        List<TurnResult> results = Flux.merge(inFlight).collectList().block(Duration.ofSeconds(60));

        assertThat(results).hasSize(2 * perInstance);
        List<String> logged = new ArrayList<>();
        driver.transcript(session).forEach(entry -> {
            if (entry.get("from").asText().equals("debtor")) {
                logged.add(entry.get("text").asText());
            }
        });
        assertThat(logged).hasSize(2 * perInstance);
        assertThat(logged.stream().filter(t -> t.startsWith("primera")).toList())
                .as("each instance keeps its own arrival order")
                .containsExactlyElementsOf(IntStream.rangeClosed(1, perInstance).mapToObj(i -> "primera " + tag(i)).toList());
        assertThat(logged.stream().filter(t -> t.startsWith("segunda")).toList())
                .containsExactlyElementsOf(IntStream.rangeClosed(1, perInstance).mapToObj(i -> "segunda " + tag(i)).toList());
    }

    private InboundMessage message(String text) {
        return new InboundMessage("webchat", session.conversationId(), null, session.sessionId(), null, text, null, Instant.now());
    }

    private static List<String> texts(JsonNode replies) {
        List<String> texts = new ArrayList<>();
        replies.forEach(reply -> texts.add(reply.get("text").asText()));
        return texts;
    }

    /**
     * A message's number in letters ("mensaje bc" for 12): these messages arrive at the identity question, where
     * digits are masked before the transcript stores them (issue 16), so the transcript could not tell them apart.
     */
    static String tag(int i) {
        StringBuilder letters = new StringBuilder();
        for (char digit : Integer.toString(i).toCharArray()) {
            letters.append((char) ('a' + (digit - '0')));
        }
        return letters.toString();
    }
}

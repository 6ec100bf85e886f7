package dev.cobra.runtime.conversation;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.cobra.runtime.config.IsolatedRuntime;
import dev.cobra.runtime.conversation.WebchatDriver.Replies;
import dev.cobra.runtime.conversation.WebchatDriver.Session;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.AssertionFailedError;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Runs every conversation transcript under {@code src/test/resources/conversations/**.yaml} (format: the shared
 * design, "Conversation transcript tests") against the real runtime: the webchat API, the engine, the real NLU,
 * the shipped flows and the embedded database, with "today" pinned per file. A failure names the file, the
 * diverging turn, what was expected and what the bot actually said.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(PinnedClockConfiguration.class)
class ConversationTranscriptsTest {

    static final String ROOT = "conversations";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .findAndRegisterModules()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    private static final AtomicInteger RUNS = new AtomicInteger();
    /**
     * Runs only the files whose path contains this text, e.g.
     * {@code -Dtest=ConversationTranscriptsTest -Dcobra.transcripts=early/} while writing flows.
     */
    private static final String FILTER = System.getProperty("cobra.transcripts", "");

    @DynamicPropertySource
    static void isolated(DynamicPropertyRegistry registry) {
        IsolatedRuntime.register(registry);
        // Every transcript opens a session from the same loopback address; on a fast machine the ~150 files run
        // within a minute, above the per-address session limit meant for real clients (WebchatRateLimitTest
        // covers the limits themselves).
        registry.add("bot.rate-limits.webchat.sessions-per-minute", () -> "100000");
        registry.add("bot.rate-limits.webchat.anonymous-sessions-per-minute", () -> "100000");
    }

    @Autowired
    WebTestClient web;

    @Autowired
    PinnedClock clock;

    /** A transcript file. */
    record Transcript(String description, Map<String, Object> debtor, LocalDate today, List<Turn> turns) {
    }

    record Turn(String say, String option, BotCheck bot, Map<String, Object> expect) {
    }

    record BotCheck(List<String> contains, List<String> notContains, List<String> options) {
    }

    @TestFactory
    Stream<DynamicTest> transcripts() throws IOException, URISyntaxException {
        URL root = getClass().getClassLoader().getResource(ROOT);
        if (root == null) {
            return Stream.of(DynamicTest.dynamicTest("no transcripts", () ->
                    Assumptions.abort("no conversation transcripts under src/test/resources/" + ROOT)));
        }
        Path rootPath = Path.of(root.toURI());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(rootPath)) {
            files = walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .filter(p -> rootPath.relativize(p).toString().contains(FILTER)).sorted().toList();
        }
        return files.stream().map(file -> DynamicTest.dynamicTest(rootPath.relativize(file).toString(), file.toUri(),
                () -> run(rootPath.relativize(file).toString(), YAML.readValue(file.toFile(), Transcript.class))));
    }

    private void run(String name, Transcript transcript) {
        WebchatDriver driver = new WebchatDriver(web);
        LocalDate today = transcript.today() != null ? transcript.today() : PinnedClockConfiguration.DEFAULT_TODAY;
        clock.pin(today);
        Map<String, Object> overrides = transcript.debtor() == null ? Map.of() : transcript.debtor();
        boolean anonymous = Boolean.TRUE.equals(overrides.get("anonymous"));
        String token = null;
        if (!anonymous) {
            // Each file gets a debtor of its own so that no state leaks between files.
            String debtorId = "D-TEST-" + RUNS.incrementAndGet();
            Map<String, Object> debtor = new LinkedHashMap<>(WebchatDriver.defaultDebtor(debtorId, today, overrides));
            driver.loadDebtor(debtor);
            token = driver.token(debtorId);
        }
        Session session = driver.open(token);
        List<Turn> turns = transcript.turns() == null ? List.of() : transcript.turns();
        for (int i = 0; i < turns.size(); i++) {
            Turn turn = turns.get(i);
            String label = name + ", turn " + (i + 1) + describe(turn);
            Replies replies;
            if (turn.say() != null) {
                replies = driver.say(session, turn.say());
            } else if (turn.option() != null) {
                replies = driver.choose(session, turn.option());
            } else if (i == 0) {
                replies = session.opening();
            } else {
                throw new IllegalArgumentException(label + ": only the first turn may omit `say`/`option`");
            }
            checkBot(label, turn.bot(), replies);
            if (turn.expect() != null) {
                checkState(label, turn.expect(), driver.conversation(session.conversationId()), replies, driver);
            }
        }
    }

    private static String describe(Turn turn) {
        if (turn.say() != null) {
            return " (say \"" + turn.say() + "\")";
        }
        return turn.option() != null ? " (option " + turn.option() + ")" : " (opening)";
    }

    private static void checkBot(String label, BotCheck check, Replies replies) {
        if (check == null) {
            return;
        }
        String said = comparable(replies.text());
        for (String expected : Objects.requireNonNullElse(check.contains(), List.<String>of())) {
            if (!said.contains(comparable(expected))) {
                throw new AssertionFailedError(label + ": the bot's replies should contain \"" + expected + "\"\nbot said:\n"
                        + replies, expected, replies.text());
            }
        }
        for (String unexpected : Objects.requireNonNullElse(check.notContains(), List.<String>of())) {
            if (said.contains(comparable(unexpected))) {
                throw new AssertionFailedError(label + ": the bot's replies should not contain \"" + unexpected
                        + "\"\nbot said:\n" + replies);
            }
        }
        if (check.options() != null && !check.options().equals(replies.optionIds())) {
            throw new AssertionFailedError(label + ": offered options differ\nbot said:\n" + replies,
                    check.options(), replies.optionIds());
        }
    }

    private static void checkState(String label, Map<String, Object> expect, JsonNode state, Replies replies, WebchatDriver driver) {
        List<String> problems = new ArrayList<>();
        expect.forEach((key, expected) -> {
            switch (key) {
                case "step", "flow", "status", "disposition" -> compare(problems, key, expected,
                        text(state.get(key.equals("flow") ? "flowId" : key)));
                case "optedOut", "verified" -> compare(problems, key, expected, text(state.get(key)));
                case "promises" -> compare(problems, key, expected, String.valueOf(promises(driver, state).size()));
                case "promiseDate" -> {
                    JsonNode all = promises(driver, state);
                    compare(problems, key, expected, all.isEmpty() ? null : text(all.get(all.size() - 1).get("date")));
                }
                case "planInstallments" -> compare(problems, key, expected, acceptedPlanInstallments(driver, state));
                case "locale" -> compare(problems, key, expected, text(state.get("locale")));
                case "handoffQueue" -> compare(problems, key, expected, text(state.path("handoff").get("queue")));
                case "handoffReason" -> compare(problems, key, expected, text(state.path("handoff").get("reason")));
                case "slots" -> {
                    if (!(expected instanceof Map<?, ?> slots)) {
                        problems.add("slots: expected a map");
                        return;
                    }
                    slots.forEach((slot, value) -> compare(problems, "slots." + slot, value, text(state.path("slots").get(slot.toString()))));
                }
                default -> problems.add("unknown expectation '" + key + "'");
            }
        });
        if (!problems.isEmpty()) {
            throw new AssertionFailedError(label + ": state differs: " + String.join("; ", problems)
                    + "\nconversation: " + state.toPrettyString() + "\nbot said:\n" + replies);
        }
    }

    /** The promises recorded for the conversation's debtor (what the reminders and kept/broken checks read). */
    private static JsonNode promises(WebchatDriver driver, JsonNode state) {
        String debtorId = text(state.get("debtorId"));
        return debtorId == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance()
                : driver.export(debtorId).path("promises");
    }

    /** How many installments the debtor's latest accepted plan has (null when none was accepted). */
    private static String acceptedPlanInstallments(WebchatDriver driver, JsonNode state) {
        String debtorId = text(state.get("debtorId"));
        String count = null;
        if (debtorId != null) {
            for (JsonNode plan : driver.export(debtorId).path("planRequests")) {
                if ("ACCEPTED".equals(text(plan.get("status")))) {
                    count = String.valueOf(plan.path("schedule").size());
                }
            }
        }
        return count;
    }

    private static void compare(List<String> problems, String key, Object expected, String actual) {
        String want = expected == null ? null : expected.toString();
        if (!Objects.equals(want, actual)) {
            problems.add(key + " expected <" + want + "> but was <" + actual + ">");
        }
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node.asText();
    }

    /** Case-insensitive, and the narrow/no-break spaces of number formats count as plain spaces. */
    private static String comparable(String text) {
        return text.replace('\u00a0', ' ').replace('\u202f', ' ').toLowerCase(Locale.ROOT);
    }
}

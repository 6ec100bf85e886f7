package dev.cobra.runtime.abuse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cobra.runtime.conversation.WebchatDriver;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16, point 1: the 4-digit identity check cannot be brute-forced through one deep link. Failures count per
 * debtor across sessions and links; at the fifth, verification locks (even the right digits are then refused), one
 * verification-queue entry, one audit row and one creditor event are written, the debtor is told how to get help
 * with no debt detail, and the digits typed are masked in the transcript, the agent's view and the export.
 */
class VerificationBruteForceTest extends AbuseTestBase {

    private static final List<String> GUESSES = List.of("9001", "9002", "9003", "9004", "9005");

    @Test
    void failuresAcrossSessionsAndLinksLockVerificationOnceWithoutDisclosingTheDebt() {
        String debtorId = debtor("D-BRUTE", Map.of("balance", 7_770_000, "documentLast4", "5678"));
        List<WebchatDriver.Session> sessions = new ArrayList<>();

        // Session 1 (link A): three wrong guesses end in the per-session handoff.
        WebchatDriver.Session first = driver.open(driver.token(debtorId));
        sessions.add(first);
        for (String guess : GUESSES.subList(0, 3)) {
            assertNoDebtDetail(driver.say(first, guess).text());
        }
        // Session 2 (link B, another link of the same debtor): the fourth and fifth guesses reach the limit.
        WebchatDriver.Session second = driver.open(driver.token(debtorId));
        sessions.add(second);
        assertNoDebtDetail(driver.say(second, GUESSES.get(3)).text());
        String locked = driver.say(second, GUESSES.get(4)).text();
        assertNoDebtDetail(locked);
        assertThat(locked).containsIgnoringCase("pausamos la verificación");

        // Session 3: even the right digits are not compared while the lock runs.
        WebchatDriver.Session third = driver.open(driver.token(debtorId));
        sessions.add(third);
        String refused = driver.say(third, "5678").text();
        assertNoDebtDetail(refused);
        assertThat(refused).containsIgnoringCase("pausamos la verificación");
        assertThat(driver.conversation(third.conversationId()).path("verified").asBoolean()).isFalse();

        // One verification-queue entry for the debtor, not one per session.
        JsonNode queue = driver.admin().get().uri("/api/agent/queue").exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        List<JsonNode> mine = new ArrayList<>();
        queue.forEach(entry -> {
            if (entry.toString().contains(debtorId)) {
                mine.add(entry);
            }
        });
        assertThat(mine).as("queue entries of %s: %s", debtorId, queue).hasSize(1);

        // One audit row and one creditor event for the lock.
        JsonNode audit = driver.admin().get().uri("/api/compliance/audit?debtorId={id}", debtorId).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        List<JsonNode> lockRows = new ArrayList<>();
        audit.forEach(row -> {
            if ("verification_locked".equals(row.path("reason").asText())) {
                lockRows.add(row);
            }
        });
        assertThat(lockRows).hasSize(1);
        List<Document> events = stored("conversation_events", "debtorId", debtorId).stream()
                .filter(e -> "verification_locked".equals(e.getString("type"))).toList();
        assertThat(events).hasSize(1);

        // The digits typed are stored nowhere: debtor transcript, agent view, export, WhatsApp inbound bodies.
        List<String> typed = new ArrayList<>(GUESSES);
        typed.add("5678");
        for (WebchatDriver.Session session : sessions) {
            String transcript = driver.transcript(session).toString();
            String agentView = driver.admin().get().uri("/api/agent/conversations/{id}/messages", session.conversationId())
                    .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
            for (String digits : typed) {
                assertThat(transcript).doesNotContain(digits);
                assertThat(agentView).doesNotContain(digits);
            }
            assertThat(transcript).contains("••••");
        }
        String export = driver.admin().get().uri("/api/debtors/{id}/export", debtorId).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        for (String digits : typed) {
            assertThat(export).doesNotContain(digits);
        }
    }

    @Test
    void theRightDigitsBeforeTheLimitStillVerifyAndForgetEarlierFailures() {
        String debtorId = debtor("D-HONEST", Map.of());
        WebchatDriver.Session session = driver.open(driver.token(debtorId));
        driver.say(session, "4321");
        String verified = driver.say(session, "1234").text();
        assertThat(verified).contains("1.250.000");
        assertThat(stored("verification_failures", "_id", debtorId)).isEmpty();
    }

    private static void assertNoDebtDetail(String text) {
        assertThat(text).doesNotContain("7.770.000").doesNotContain("7770000").doesNotContainIgnoringCase("tarjeta");
    }
}

package dev.cobra.runtime.collections;

import dev.cobra.runtime.channel.whatsapp.FakeGraphApi;
import dev.cobra.runtime.config.IsolatedRuntime;
import dev.cobra.runtime.conversation.PinnedClock;
import dev.cobra.runtime.conversation.PinnedClockConfiguration;
import dev.cobra.runtime.conversation.WebchatDriver;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reminder with the runtime's own contact policy (no test double): at 05:00 in Bogotá it is outside the
 * Colombian contact hours, so it waits; at the next allowed time it goes out, and the attempts are in the
 * contact audit trail.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "whatsapp.app-secret=rp-secret", "whatsapp.verify-token=rp-verify", "whatsapp.access-token=test-token",
        "whatsapp.phone-number-id=PNID", "whatsapp.outbox.poll-interval=PT0.05S", "bot.promises.sweep-interval=PT1H"})
@Import(PinnedClockConfiguration.class)
class PromiseReminderPolicyTest {

    static FakeGraphApi graph;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        IsolatedRuntime.register(registry);
        if (graph == null) {
            graph = new FakeGraphApi();
        }
        registry.add("whatsapp.graph-api-url", graph::baseUrl);
    }

    @AfterAll
    static void stopGraph() {
        graph.close();
    }

    @Autowired
    WebTestClient client;
    @Autowired
    PinnedClock clock;
    @Autowired
    PromiseReminders reminders;
    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void aReminderOutsideContactHoursWaitsForTheNextAllowedTime() throws Exception {
        clock.pin(PinnedClockConfiguration.DEFAULT_TODAY); // Wednesday 07:00 in Bogotá
        WebchatDriver chat = new WebchatDriver(client);
        chat.loadDebtor(WebchatDriver.defaultDebtor("D-POL-1", PinnedClockConfiguration.DEFAULT_TODAY,
                Map.of("phone", "+573005550111")));
        WebchatDriver.Session session = chat.open(chat.token("D-POL-1"));
        chat.say(session, "1234");
        chat.choose(session, "promise");
        chat.say(session, "el viernes");
        chat.say(session, "500000");
        chat.choose(session, "confirm_yes");

        clock.set(Instant.parse("2026-11-19T10:00:00Z")); // Thursday 05:00 in Bogotá
        PromiseReminders.SweepResult early = reminders.sweep().block();
        assertThat(early.remindersSent()).isZero();
        assertThat(early.remindersDeferred()).isEqualTo(1);
        Document promise = mongo.findOne(Query.query(Criteria.where("debtorId").is("D-POL-1")), Document.class,
                "promises").block();
        assertThat(promise.getString("reminder")).isEqualTo("PENDING");
        assertThat(promise.getString("reminderReason")).isEqualTo("outside_contact_hours");
        Instant next = promise.getDate("reminderNextAt").toInstant();
        assertThat(next).isAfter(clock.instant());

        clock.set(next.plus(Duration.ofMinutes(1)));
        assertThat(reminders.sweep().block().remindersSent()).isEqualTo(1);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (graph.sentBodies().stream().noneMatch(b -> "573005550111".equals(b.path("to").asText())
                && "template".equals(b.path("type").asText()))) {
            assertThat(System.nanoTime()).as("the reminder reached the Graph API").isLessThan(deadline);
            Thread.sleep(50);
        }
        assertThat(mongo.count(Query.query(Criteria.where("debtorId").is("D-POL-1").and("purpose").is("reminder")),
                "contact_audit").block()).isEqualTo(2);
    }
}

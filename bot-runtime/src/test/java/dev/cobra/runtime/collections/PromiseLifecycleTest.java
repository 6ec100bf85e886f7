package dev.cobra.runtime.collections;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7, acceptance point 3: a promise made in a webchat conversation gets one WhatsApp reminder template the
 * day before its date (after the contact policy allowed it), is marked broken once the date passed unpaid, and the
 * debtor's next conversation starts in the mid stage with the broken promise; a recorded payment keeps a promise
 * and stops its reminder.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "whatsapp.app-secret=pl-secret", "whatsapp.verify-token=pl-verify", "whatsapp.access-token=test-token",
        "whatsapp.phone-number-id=PNID", "whatsapp.outbox.poll-interval=PT0.05S", "bot.promises.sweep-interval=PT1H"})
@Import({PinnedClockConfiguration.class, RecordingContactPolicy.Config.class})
class PromiseLifecycleTest {

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
    RecordingContactPolicy policy;
    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void aPromiseIsRemindedOnceTheDayBeforeThenBrokenAndTheNextConversationStartsFromIt() throws Exception {
        clock.pin(PinnedClockConfiguration.DEFAULT_TODAY); // Wednesday 2026-11-18, 07:00 in Bogotá
        WebchatDriver chat = new WebchatDriver(client);
        chat.loadDebtor(WebchatDriver.defaultDebtor("D-PROM-1", PinnedClockConfiguration.DEFAULT_TODAY,
                Map.of("phone", "+573005550101", "name", "Lina Duarte")));
        promise(chat, "D-PROM-1");

        Document promise = promiseOf("D-PROM-1");
        assertThat(promise.getString("date")).isEqualTo("2026-11-20");
        assertThat(promise.getString("amount")).isEqualTo("500000");
        assertThat(promise.getString("status")).isEqualTo(PromiseStore.OPEN);

        assertThat(reminders.sweep().block().remindersSent()).as("no reminder on the day it was made").isZero();

        clock.advance(Duration.ofDays(1)); // Thursday: the day before
        assertThat(reminders.sweep().block().remindersSent()).isEqualTo(1);
        assertThat(reminders.sweep().block().remindersSent()).as("a second sweep that day sends nothing").isZero();
        List<JsonNode> templates = awaitTemplates("573005550101", 1);
        JsonNode template = templates.get(0).path("template");
        assertThat(template.path("name").asText()).isEqualTo("recordatorio_promesa");
        assertThat(template.toString()).contains("Lina").contains("500.000").contains("20 de noviembre");
        assertThat(policy.attempts).anySatisfy(a -> {
            assertThat(a.debtorId()).isEqualTo("D-PROM-1");
            assertThat(a.purpose()).isEqualTo("reminder");
            assertThat(a.channel()).isEqualTo("whatsapp");
        });

        clock.advance(Duration.ofDays(1)); // Friday: the date itself, still open
        reminders.sweep().block();
        assertThat(promiseOf("D-PROM-1").getString("status")).isEqualTo(PromiseStore.OPEN);

        clock.advance(Duration.ofDays(1)); // Saturday: no payment arrived
        assertThat(reminders.sweep().block().broken()).isEqualTo(1);
        assertThat(promiseOf("D-PROM-1").getString("status")).isEqualTo(PromiseStore.BROKEN);
        assertThat(events("promise_broken", "D-PROM-1")).isEqualTo(1);
        Thread.sleep(300);
        assertThat(templatesTo("573005550101")).as("still exactly one reminder").hasSize(1);

        // The next conversation re-enters in the mid stage (the debt is only 13 days late) with the broken promise.
        WebchatDriver.Session next = chat.open(chat.token("D-PROM-1"));
        JsonNode conversation = chat.conversation(next.conversationId());
        assertThat(conversation.path("flowId").asText()).isIn("verification", "mid");
        Document stored = mongo.findById(next.conversationId(), Document.class, "conversations").block();
        String stageFlow = stored.getList("stack", Document.class).isEmpty() ? stored.getString("flowId")
                : stored.getList("stack", Document.class).get(0).getString("flowId");
        assertThat(stageFlow).isEqualTo("mid");
        assertThat(conversation.path("slots").path("brokenPromise").asBoolean()).isTrue();
        assertThat(conversation.path("slots").path("brokenPromiseDate").asText()).isEqualTo("2026-11-20");
        assertThat(chat.say(next, "1234").text()).contains("No hemos recibido el pago de $ 500.000")
                .contains("20 de noviembre");
        WebchatDriver.Session after = chat.open(chat.token("D-PROM-1"));
        assertThat(chat.conversation(after.conversationId()).path("slots").has("brokenPromise"))
                .as("the broken promise is followed up once").isFalse();
    }

    @Test
    void aRecordedPaymentKeepsThePromiseAndStopsItsReminderOncePerReference() throws Exception {
        clock.pin(PinnedClockConfiguration.DEFAULT_TODAY);
        WebchatDriver chat = new WebchatDriver(client);
        chat.loadDebtor(WebchatDriver.defaultDebtor("D-PROM-2", PinnedClockConfiguration.DEFAULT_TODAY,
                Map.of("phone", "+573005550102", "name", "Mario Vélez")));
        promise(chat, "D-PROM-2");

        String payment = """
                {"debtorId":"D-PROM-2","debtId":"L-77","amount":500000,"currency":"COP","paidAt":"2026-11-18T15:00:00Z",
                 "reference":"BANK-REF-77"}""";
        chat.admin().post().uri("/api/payments").contentType(MediaType.APPLICATION_JSON).bodyValue(payment)
                .exchange().expectStatus().isCreated().expectBody()
                .jsonPath("$.duplicate").isEqualTo(false).jsonPath("$.promisesKept").isEqualTo(1);
        chat.admin().post().uri("/api/payments").contentType(MediaType.APPLICATION_JSON).bodyValue(payment)
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.duplicate").isEqualTo(true);
        chat.admin().post().uri("/api/payments").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(payment.replace("500000", "1")).exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.error").isEqualTo("reference_reused");
        chat.admin().post().uri("/api/payments").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"debtorId\":\"D-PROM-2\",\"amount\":-3,\"currency\":\"COP\",\"reference\":\"X\"}")
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.error").isEqualTo("invalid_amount");
        assertThat(mongo.count(Query.query(Criteria.where("_id").is("X")), "payments").block()).isZero();

        assertThat(promiseOf("D-PROM-2").getString("status")).isEqualTo(PromiseStore.KEPT);
        clock.advance(Duration.ofDays(1));
        reminders.sweep().block();
        clock.advance(Duration.ofDays(2));
        reminders.sweep().block();
        Thread.sleep(300);
        assertThat(templatesTo("573005550102")).as("no reminder after the payment").isEmpty();
        assertThat(promiseOf("D-PROM-2").getString("status")).isEqualTo(PromiseStore.KEPT);
    }

    /**
     * Issue 15, item 5: a plan accepted in the chat is tracked installment by installment like a promise — a payment
     * that covers the first keeps only the first; the second is reminded the day before its date, a payment short of
     * it keeps nothing, and it breaks once its date passed; the account shows each installment's status.
     */
    @Test
    void planInstallmentsAreKeptByThePaymentsThatCoverThemRemindedAndBrokenLikePromises() throws Exception {
        clock.pin(PinnedClockConfiguration.DEFAULT_TODAY); // Wednesday 2026-11-18
        WebchatDriver chat = new WebchatDriver(client);
        chat.loadDebtor(WebchatDriver.defaultDebtor("D-PROM-3", PinnedClockConfiguration.DEFAULT_TODAY,
                Map.of("phone", "+573005550103", "name", "Sara Ríos")));
        WebchatDriver.Session session = chat.open(chat.token("D-PROM-3"));
        chat.say(session, "1234");
        chat.choose(session, "plan");
        // No date said: the first installment is a week from today, then monthly; the last takes the remainder.
        assertThat(chat.say(session, "3 cuotas").text()).contains("$ 416.666").contains("$ 416.668")
                .contains("25 de noviembre de 2026").contains("25 de diciembre de 2026").contains("25 de enero de 2027");
        chat.choose(session, "confirm_yes");
        assertThat(chat.conversation(session.conversationId()).path("disposition").asText()).isEqualTo("PAYMENT_PLAN");
        assertThat(events("plan_accepted", "D-PROM-3")).isEqualTo(1);
        assertThat(installmentStatuses("D-PROM-3")).containsExactly("OPEN", "OPEN", "OPEN");
        JsonNode plan = account("D-PROM-3").path("plans").get(0);
        assertThat(plan.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(plan.path("installments").get(1).path("date").asText()).isEqualTo("2026-12-25");
        assertThat(plan.path("installments").get(1).path("amount").decimalValue()).isEqualByComparingTo("416666");
        assertThat(account("D-PROM-3").path("promises")).as("installments show with their plan only").isEmpty();
        chat.admin().get().uri("/api/kpis?from=2026-11-18&to=2026-11-18").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.plans.accepted").isEqualTo(1);

        pay(chat, "D-PROM-3", 416666, "PLAN-REF-1").jsonPath("$.promisesKept").isEqualTo(1);
        assertThat(installmentStatuses("D-PROM-3")).containsExactly("KEPT", "OPEN", "OPEN");

        clock.advance(Duration.ofDays(36)); // Thursday 2026-12-24: the day before the second installment
        assertThat(reminders.sweep().block().remindersSent()).isEqualTo(1);
        JsonNode template = awaitTemplates("573005550103", 1).get(0).path("template");
        assertThat(template.path("name").asText()).isEqualTo("recordatorio_promesa");
        assertThat(template.toString()).contains("Sara").contains("416.666").contains("25 de diciembre");

        pay(chat, "D-PROM-3", 200000, "PLAN-REF-2").jsonPath("$.promisesKept").isEqualTo(0);
        assertThat(installmentStatuses("D-PROM-3")).as("200,000 does not cover the second installment")
                .containsExactly("KEPT", "OPEN", "OPEN");

        clock.advance(Duration.ofDays(2)); // Saturday 2026-12-26: the second installment's date passed unpaid
        assertThat(reminders.sweep().block().broken()).isEqualTo(1);
        assertThat(installmentStatuses("D-PROM-3")).containsExactly("KEPT", "BROKEN", "OPEN");
        assertThat(account("D-PROM-3").path("plans").get(0).path("status").asText()).isEqualTo("BROKEN");
        Document broken = mongo.findOne(Query.query(Criteria.where("type").is("promise_broken")
                .and("debtorId").is("D-PROM-3")), Document.class, "conversation_events").block();
        assertThat(broken.toJson()).contains("\"installment\": 2").contains(plan.path("id").asText());

        // The rest of the balance covers the third installment; the broken one stays broken.
        pay(chat, "D-PROM-3", 633334, "PLAN-REF-3").jsonPath("$.promisesKept").isEqualTo(1);
        assertThat(installmentStatuses("D-PROM-3")).containsExactly("KEPT", "BROKEN", "KEPT");
    }

    private static org.springframework.test.web.reactive.server.WebTestClient.BodyContentSpec pay(WebchatDriver chat,
                                                                                                 String debtorId, long amount, String reference) {
        return chat.admin().post().uri("/api/payments").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("debtorId", debtorId, "debtId", "L-77", "amount", amount, "currency", "COP",
                        "paidAt", "2026-11-18T15:00:00Z", "reference", reference))
                .exchange().expectStatus().isCreated().expectBody();
    }

    private JsonNode account(String debtorId) {
        return new WebchatDriver(client).admin().get().uri("/api/debtors/{id}/account", debtorId).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private List<String> installmentStatuses(String debtorId) {
        List<String> statuses = new java.util.ArrayList<>();
        account(debtorId).path("plans").get(0).path("installments").forEach(i -> statuses.add(i.path("status").asText()));
        return statuses;
    }

    /** Verifies, chooses "pay on a date", Friday, 500000, confirms. */
    private static void promise(WebchatDriver chat, String debtorId) {
        WebchatDriver.Session session = chat.open(chat.token(debtorId));
        assertThat(chat.say(session, "1234").optionIds()).contains("promise");
        chat.choose(session, "promise");
        chat.say(session, "el viernes");
        chat.say(session, "500000");
        chat.choose(session, "confirm_yes");
        assertThat(chat.conversation(session.conversationId()).path("disposition").asText()).isEqualTo("PROMISE_TO_PAY");
    }

    private Document promiseOf(String debtorId) {
        return mongo.findOne(Query.query(Criteria.where("debtorId").is(debtorId)), Document.class, "promises")
                .block();
    }

    private long events(String type, String debtorId) {
        return mongo.count(Query.query(Criteria.where("type").is(type).and("debtorId").is(debtorId)), "conversation_events")
                .block();
    }

    private static List<JsonNode> templatesTo(String to) {
        return graph.sentBodies().stream().filter(b -> to.equals(b.path("to").asText()))
                .filter(b -> "template".equals(b.path("type").asText())).toList();
    }

    private static List<JsonNode> awaitTemplates(String to, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (templatesTo(to).size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for the reminder template; sent: " + graph.sentBodies());
            }
            Thread.sleep(50);
        }
        return templatesTo(to);
    }
}

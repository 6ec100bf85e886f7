package dev.cobra.runtime.collections;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cobra.runtime.channel.whatsapp.FakeGraphApi;
import dev.cobra.runtime.channel.whatsapp.WebhookSignature;
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
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7, acceptance point 4: a debtor who talked on WhatsApp and webchat, got a payment link, made a promise and
 * paid is erased; afterwards no document of any collection holds their name, phone, e-mail, document digits or
 * document hash, another debtor's data is untouched, and the KPIs count the same as before.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "whatsapp.app-secret=er-secret", "whatsapp.verify-token=er-verify", "whatsapp.access-token=test-token",
        "whatsapp.phone-number-id=PNID", "whatsapp.outbox.poll-interval=PT0.05S"})
@Import({PinnedClockConfiguration.class, RecordingContactPolicy.Config.class})
class DebtorErasureTest {

    private static final String PHONE = "573009998877";

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
    ReactiveMongoTemplate mongo;
    @Autowired
    PinnedClock clock;

    private int inbound;

    @Test
    void anErasedDebtorLeavesNoPersonalDataInAnyCollectionAndTheKpisStillCount() throws Exception {
        clock.pin(PinnedClockConfiguration.DEFAULT_TODAY);
        WebchatDriver chat = new WebchatDriver(client);
        chat.admin().post().uri("/api/debtors").contentType(MediaType.APPLICATION_JSON).bodyValue("""
                [{"id":"D-ERASE","name":"Valentina Quiroga","phone":"+573009998877","email":"valentina.q@example.com",
                  "locale":"es-CO","timezone":"America/Bogota","country":"CO","documentLast4":"8642",
                  "consent":{"whatsapp":{"optedIn":true,"at":"2026-10-01T10:00:00Z","source":"web"}},
                  "debts":[{"id":"L-77","product":"Tarjeta de crédito","balance":1250000,"currency":"COP","dueDate":"2026-11-08"}]}]""")
                .exchange().expectStatus().isOk();
        chat.loadDebtor(WebchatDriver.defaultDebtor("D-KEEP", PinnedClockConfiguration.DEFAULT_TODAY,
                Map.of("name", "Tomás Ibarra", "phone", "+573001110000")));
        String documentHash = mongo.findById("D-ERASE", Document.class, "debtors").block().getString("documentHash");
        assertThat(documentHash).isNotBlank();

        // WhatsApp: greeting and verification.
        whatsapp("Hola");
        awaitSentTo(PHONE, 1);
        whatsapp("8642");
        awaitSentTo(PHONE, 2);
        // Webchat: a payment link, then a promise; the creditor reports a payment.
        WebchatDriver.Session pay = chat.open(chat.token("D-ERASE"));
        chat.say(pay, "8642");
        chat.choose(pay, "pay_now");
        WebchatDriver.Session promise = chat.open(chat.token("D-ERASE"));
        chat.say(promise, "8642");
        chat.choose(promise, "promise");
        chat.say(promise, "el viernes");
        chat.say(promise, "300000");
        chat.choose(promise, "confirm_yes");
        chat.admin().post().uri("/api/payments").contentType(MediaType.APPLICATION_JSON).bodyValue("""
                {"debtorId":"D-ERASE","amount":300000,"currency":"COP","reference":"ER-1"}""")
                .exchange().expectStatus().isCreated();
        WebchatDriver.Session other = chat.open(chat.token("D-KEEP"));
        chat.say(other, "1234");

        // A record keyed by a composite id holding the debtor id, as campaign contacts are.
        mongo.insert(new Document("_id", "CAMP-9:D-ERASE").append("campaignId", "CAMP-9").append("debtorId", "D-ERASE")
                .append("status", "SENT"), "campaign_contacts").block();
        assertThat(scan(List.of("valentina", "quiroga"))).as("the data is there before").isNotEmpty();
        JsonNode export = chat.admin().get().uri("/api/debtors/D-ERASE/export").exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(export.path("debtor").path("name").asText()).isEqualTo("Valentina Quiroga");
        assertThat(export.path("debtor").has("documentHash")).isFalse();
        assertThat(export.path("conversations").size()).isGreaterThanOrEqualTo(3);
        assertThat(export.path("messages").size()).isGreaterThan(5);
        assertThat(export.path("promises").size()).isEqualTo(1);
        assertThat(export.path("payments").size()).isEqualTo(1);
        assertThat(export.path("paymentLinks").size()).isEqualTo(1);
        JsonNode before = kpis(chat);

        WebTestClient supervisor = asNewUser(chat, "sup-erase", "SUPERVISOR");
        supervisor.post().uri("/api/debtors/D-ERASE/erase").exchange().expectStatus().isForbidden();
        chat.admin().delete().uri("/api/debtors/D-ERASE").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").isEqualTo("erase_required");
        JsonNode erased = chat.admin().delete().uri("/api/debtors/D-ERASE?erase=true").exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(erased.path("pseudonym").asText()).startsWith("erased-");

        List<String> leaks = scan(List.of("valentina", "quiroga", "9998877", "valentina.q@example.com",
                documentHash.toLowerCase()));
        leaks.addAll(scanPattern(Pattern.compile("(?<![0-9A-Za-z])8642(?![0-9A-Za-z])")));
        assertThat(leaks).as("personal data left after erasure").isEmpty();
        assertThat(scanPattern(Pattern.compile("D-ERASE"))).as("the debtor id is pseudonymised everywhere").isEmpty();
        assertThat(scan(List.of("tomás ibarra"))).as("another debtor is untouched").isNotEmpty();
        chat.admin().get().uri("/api/debtors/D-ERASE").exchange().expectStatus().isNotFound();
        chat.admin().get().uri("/api/debtors/D-ERASE/export").exchange().expectStatus().isNotFound();

        JsonNode after = kpis(chat);
        for (String path : List.of("/conversations", "/debtorsContacted", "/debtorsResponded", "/promises/made",
                "/payments/count", "/payments/amountPaid/COP", "/promises/amountPromised/COP", "/messages/sent",
                "/rates/rightParty", "/rates/response")) {
            assertThat(after.at(path)).as(path).isEqualTo(before.at(path));
        }
        assertThat(after.at("/promises/made").asInt()).isEqualTo(1);
        assertThat(after.at("/payments/count").asInt()).isEqualTo(1);
        assertThat(after.at("/conversations").asInt()).isGreaterThanOrEqualTo(4);
    }

    private JsonNode kpis(WebchatDriver chat) {
        return chat.admin().get().uri("/api/kpis?from=2026-11-01&to=2026-11-30").exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    /** Every string of every document of every collection holding one of {@code needles} (lower case). */
    private List<String> scan(List<String> needles) {
        List<String> hits = new ArrayList<>();
        forEachString((where, s) -> {
            String lower = s.toLowerCase();
            for (String needle : needles) {
                if (lower.contains(needle)) {
                    hits.add(where + " holds " + needle);
                }
            }
        });
        return hits;
    }

    private List<String> scanPattern(Pattern pattern) {
        List<String> hits = new ArrayList<>();
        forEachString((where, s) -> {
            if (pattern.matcher(s).find()) {
                hits.add(where + " holds the document digits: " + s);
            }
        });
        return hits;
    }

    private void forEachString(java.util.function.BiConsumer<String, String> visit) {
        for (String name : mongo.getCollectionNames().collectList().block()) {
            for (Document doc : mongo.findAll(Document.class, name).collectList().block()) {
                walk(name + "/" + doc.get("_id"), doc, visit);
            }
        }
    }

    private static void walk(String where, Object value, java.util.function.BiConsumer<String, String> visit) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                visit.accept(where, String.valueOf(k));
                walk(where + "." + k, v, visit);
            });
        } else if (value instanceof Collection<?> list) {
            list.forEach(v -> walk(where, v, visit));
        } else if (value instanceof String s) {
            visit.accept(where, s);
        } else if (value instanceof org.bson.types.Binary b) {
            visit.accept(where, new String(b.getData(), StandardCharsets.ISO_8859_1));
        }
    }

    private WebTestClient asNewUser(WebchatDriver chat, String username, String role) {
        chat.admin().post().uri("/api/users").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", "password-" + username, "roles", List.of(role)))
                .exchange().expectStatus().isCreated();
        return client.mutate().responseTimeout(Duration.ofSeconds(30))
                .defaultHeaders(h -> h.setBasicAuth(username, "password-" + username)).build();
    }

    private void whatsapp(String text) {
        String body = """
                {"object":"whatsapp_business_account","entry":[{"id":"WABA","changes":[{"field":"messages","value":{
                 "messaging_product":"whatsapp","metadata":{"display_phone_number":"15550001111","phone_number_id":"PNID"},
                 "contacts":[{"profile":{"name":"Valentina Quiroga"},"wa_id":"%s","user_id":"CO.7788990011"}],
                 "messages":[{"from":"%s","id":"wamid.ER%d","timestamp":"%d","type":"text","text":{"body":"%s"}}]}}]}]}"""
                .formatted(PHONE, PHONE, ++inbound, clock.instant().getEpochSecond(), text);
        client.post().uri("/webhooks/whatsapp").contentType(MediaType.APPLICATION_JSON)
                .header("X-Hub-Signature-256", WebhookSignature.sign("er-secret", body.getBytes(StandardCharsets.UTF_8)))
                .bodyValue(body.getBytes(StandardCharsets.UTF_8)).exchange().expectStatus().isOk();
    }

    private static void awaitSentTo(String to, int turns) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (graph.sentBodies().stream().filter(b -> to.equals(b.path("to").asText())).count() < turns) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for WhatsApp replies; sent: " + graph.sentBodies());
            }
            Thread.sleep(50);
        }
        Thread.sleep(500);
    }
}

package dev.cobra.runtime.channel.whatsapp;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sender fed in memory (issue 17): a sole sender POSTs a reply right after its insert, with no drain, and keeps
 * each recipient's order when one of its messages goes back to the queue.
 */
class DirectSendsTest {

    private WhatsAppRig rig;
    private OutboxSender sender;

    @AfterEach
    void close() {
        if (sender != null) {
            sender.kill();
        }
        if (rig != null) {
            rig.close();
        }
    }

    /** A sender whose drain only runs at start and when woken (an hour between polls). */
    private OutboxSender soleSenderPollingHourly() throws Exception {
        OutboxSender created = new OutboxSender(rig.outbox, rig.properties, WebClient.builder(), rig.json, rig.clock,
                Duration.ofHours(1), Duration.ZERO);
        // As in the application: templates are checked against the registry before a send.
        created.templateRegistry(new WhatsAppTemplateRegistry(rig.mongo.template, WebClient.builder(), rig.properties));
        return rig.startSoleSender(created);
    }

    private static Document message(String to, String text) {
        return WhatsAppOutbox.newMessage(to, "c1", "D-1", "text",
                "{\"to\":\"" + to + "\",\"type\":\"text\",\"text\":{\"body\":\"" + text + "\"}}", Instant.now());
    }

    @Test
    void aReplyIsPostedRightAfterItsInsertWithoutADrainAndWithItsCallbackId() throws Exception {
        rig = new WhatsAppRig(4, null);
        sender = soleSenderPollingHourly();

        Document reply = message("573001", "Hola");
        rig.outbox.enqueue(List.of(reply)).block(Duration.ofSeconds(5)); // no wake-up: nothing would drain for an hour

        WhatsAppRig.await("posted", Duration.ofSeconds(10), () -> rig.graph.messages.stream()
                .anyMatch(m -> "573001".equals(m.body().path("to").asText())));
        WhatsAppRig.await("recorded as sent", Duration.ofSeconds(10),
                () -> "SENT".equals(rig.outboxFor("573001").get(0).getString("status")));
        Document stored = rig.outboxFor("573001").get(0);
        assertThat(stored.getInteger("attempts")).isEqualTo(1);
        assertThat(stored.getString("body")).as("the callback id is in the stored body from the start")
                .contains("\"biz_opaque_callback_data\":\"" + stored.getObjectId("_id").toHexString() + "\"");
    }

    @Test
    void aRecipientWithAMessageInTheQueueKeepsItsOrderBehindIt() throws Exception {
        rig = new WhatsAppRig(4, null);
        sender = soleSenderPollingHourly();
        // The first answer is a transient error: the message goes back to the queue for a retry; the two behind it,
        // already reserved in memory, must not overtake it.
        rig.graph.thenAnswer(503, "{\"error\":{\"code\":131000,\"message\":\"try later\"}}", null);

        rig.outbox.enqueue(List.of(message("573002", "uno"), message("573002", "dos"), message("573002", "tres")))
                .block(Duration.ofSeconds(5));
        rig.outbox.enqueue(List.of(message("573002", "cuatro"))).block(Duration.ofSeconds(5));
        WhatsAppRig.await("all back in the queue", Duration.ofSeconds(10), () -> rig.outboxFor("573002").stream()
                .allMatch(doc -> WhatsAppOutbox.PENDING.equals(doc.getString("status"))));
        sender.wake();

        WhatsAppRig.await("all sent", Duration.ofSeconds(20), () -> {
            sender.wake();
            return rig.outboxFor("573002").stream().allMatch(doc -> WhatsAppOutbox.SENT.equals(doc.getString("status")));
        });
        List<String> order = rig.graph.messages.stream().filter(m -> "573002".equals(m.body().path("to").asText()))
                .map(m -> m.body().path("text").path("body").asText()).toList();
        assertThat(order).as("the failed attempt, then every message once, in order")
                .containsExactly("uno", "uno", "dos", "tres", "cuatro");
    }

    @Test
    void messagesStoredWhileTheirRecipientsLaneIsSendingFollowInOrder() throws Exception {
        rig = new WhatsAppRig(4, null);
        sender = soleSenderPollingHourly();
        rig.graph.responseDelay(Duration.ofMillis(300)); // the first request is still in flight at the second insert

        rig.outbox.enqueue(List.of(message("573003", "primero"))).block(Duration.ofSeconds(5));
        rig.outbox.enqueue(List.of(message("573003", "segundo"), message("573003", "tercero"))).block(Duration.ofSeconds(5));

        WhatsAppRig.await("all sent", Duration.ofSeconds(20), () -> rig.outboxFor("573003").stream()
                .allMatch(doc -> WhatsAppOutbox.SENT.equals(doc.getString("status"))));
        assertThat(rig.graph.messages.stream().filter(m -> "573003".equals(m.body().path("to").asText()))
                .map(m -> m.body().path("text").path("body").asText()).toList())
                .containsExactly("primero", "segundo", "tercero");
    }
}

package dev.cobra.runtime.channel.whatsapp;

import dev.cobra.runtime.conversation.message.DeliveryKey;
import dev.cobra.runtime.conversation.message.PreparedDelivery;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One awaited write per turn (issue 17, step 2): a turn's replies are prepared before its save and saved with it;
 * once the save is durable they are POSTed at once, their outbox insert written behind the send, and the send's
 * outcome recorded only once that insert is durable. After a crash, the records saved with the turn are stored
 * again, the claimed ones as claims in doubt.
 */
class PreparedSendsTest {

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

    private static Document message(String to, String text) {
        return WhatsAppOutbox.newMessage(to, "c1", "D-1", "text",
                "{\"to\":\"" + to + "\",\"type\":\"text\",\"text\":{\"body\":\"" + text + "\"}}", Instant.now());
    }

    /** A direct sender whose "send" is recorded here and whose outcome waits for the message's insert. */
    private static final class Lanes {
        final List<String> posted = new CopyOnWriteArrayList<>();
        final List<String> recorded = new CopyOnWriteArrayList<>();
        final DirectSends sends = new DirectSends(null, Clock.systemUTC(), (message, stored) -> {
            posted.add(message.getString("to"));
            return stored.then(Mono.fromRunnable(() -> recorded.add(message.getString("to")))).thenReturn(true);
        }, () -> true);

        Lanes() {
            sends.enabled(true);
            sends.observed(sends.mark(), List.of(), true); // a first complete drain pass: nothing waits
        }
    }

    @Test
    void aClaimSavedWithItsTurnIsPostedBeforeItsInsertAndRecordedOnlyAfterIt() {
        Lanes lanes = new Lanes();
        DirectSends.Reservation reservation = lanes.sends.reserve(List.of(message("573101", "Hola")));
        assertThat(lanes.posted).as("nothing goes out before the turn's save").isEmpty();

        reservation.claimed(); // the turn (carrying the claim) is saved; the outbox insert is still in flight

        assertThat(lanes.posted).as("posted without waiting for the outbox insert").containsExactly("573101");
        assertThat(lanes.recorded).as("no outcome recorded on a message not stored yet").isEmpty();
        reservation.stored();
        assertThat(lanes.recorded).containsExactly("573101");
    }

    @Test
    void aTurnWhoseSaveFailedSendsNothing() {
        Lanes lanes = new Lanes();
        DirectSends.Reservation lost = lanes.sends.reserve(List.of(message("573102", "uno")));
        DirectSends.Reservation next = lanes.sends.reserve(List.of(message("573102", "dos")));

        lost.failed(); // the save lost its compare-and-set: the turn reruns and prepares again
        next.claimed();

        assertThat(lanes.posted).as("only the saved turn's message").containsExactly("573102");
        next.stored();
        assertThat(lanes.recorded).containsExactly("573102");
        assertThat(lanes.sends.inLanes()).as("nothing left reserved").isZero();
    }

    @Test
    void aPreparedReplyIsSentOnceThroughTheRealSenderAndRecordedAsSent() throws Exception {
        rig = new WhatsAppRig(4, null);
        sender = soleSender(Duration.ofSeconds(30));
        Document reply = message("573103", "Hola");

        PreparedDelivery prepared = rig.outbox.prepare(new java.util.ArrayList<>(List.of(reply)),
                new DeliveryKey("c1:wamid.A", false), () -> { });
        assertThat(prepared.records()).singleElement().satisfies(record -> {
            assertThat(record.getString("status")).as("saved with the turn as claimed").isEqualTo(WhatsAppOutbox.SENDING);
            assertThat(record.getString(WhatsAppOutbox.DELIVERY_FIELD)).isEqualTo("c1:wamid.A:0");
        });
        prepared.commit().block(Duration.ofSeconds(10));

        WhatsAppRig.await("recorded as sent", Duration.ofSeconds(10), () -> rig.outboxFor("573103").stream()
                .anyMatch(doc -> WhatsAppOutbox.SENT.equals(doc.getString("status"))));
        assertThat(rig.graph.messages.stream().filter(m -> "573103".equals(m.body().path("to").asText()))).hasSize(1);
        assertThat(rig.outboxFor("573103").get(0).getObjectId("_id")).isEqualTo(reply.getObjectId("_id"));
    }

    @Test
    void aClaimSavedWithATurnThatACrashCutShortIsStoredInDoubtAndSentAgainOnlyAfterTheGrace() throws Exception {
        rig = new WhatsAppRig(4, null);
        sender = soleSender(Duration.ofSeconds(1));
        Document reply = message("573104", "Hola");
        DeliveryKey key = new DeliveryKey("c1:wamid.B", false);
        PreparedDelivery prepared = rig.outbox.prepare(new java.util.ArrayList<>(List.of(reply)), key, () -> { });
        // The crash: the turn (with its claimed reply) was saved; the process died before the POST or the insert
        // could be known to have happened.
        sender.kill();
        List<Document> saved = prepared.records();

        sender = soleSender(Duration.ofSeconds(1));
        rig.outbox.recover(saved, new DeliveryKey(key.key(), true)).block(Duration.ofSeconds(10));
        rig.outbox.recover(saved, new DeliveryKey(key.key(), true)).block(Duration.ofSeconds(10)); // twice: once stored

        List<Document> stored = rig.outboxFor("573104");
        assertThat(stored).singleElement().satisfies(doc -> {
            assertThat(doc.getObjectId("_id")).isEqualTo(reply.getObjectId("_id"));
            assertThat(doc.getString("status")).isEqualTo(WhatsAppOutbox.SENDING);
            assertThat(doc.get(WhatsAppOutbox.IN_DOUBT_FIELD)).as("a claim in doubt at once").isNotNull();
        });
        assertThat(rig.graph.messages).as("not sent again during the grace").noneMatch(
                m -> "573104".equals(m.body().path("to").asText()));
        WhatsAppRig.await("sent again after the grace", Duration.ofSeconds(10), () -> {
            sender.wake();
            return rig.outboxFor("573104").stream().anyMatch(doc -> WhatsAppOutbox.SENT.equals(doc.getString("status")));
        });
        assertThat(rig.graph.messages.stream().filter(m -> "573104".equals(m.body().path("to").asText()))).hasSize(1);
    }

    private OutboxSender soleSender(Duration inDoubtGrace) throws Exception {
        return rig.startSoleSender(rig.newSender(Duration.ZERO, inDoubtGrace));
    }
}

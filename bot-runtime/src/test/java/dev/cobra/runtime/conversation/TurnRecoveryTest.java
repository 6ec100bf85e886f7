package dev.cobra.runtime.conversation;

import dev.cobra.runtime.conversation.message.InboundMessage;
import dev.cobra.runtime.config.IsolatedRuntime;
import dev.cobra.runtime.conversation.state.ConversationState;
import dev.cobra.runtime.conversation.state.ConversationStore;
import dev.cobra.runtime.conversation.state.MessageLog;
import dev.cobra.runtime.conversation.state.TranscriptEntry;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A turn cut short by a crash after its state write (kill -9, issue 8): the channel redelivers the message, and the
 * turn is finished from what the state write recorded — the missing log entries and outbox messages are written,
 * the engine does not run again, nothing is logged or queued twice. The crash is reproduced by deleting what the
 * dead process had not written yet; real engine, WhatsApp outbox and embedded database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TurnRecoveryTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @DynamicPropertySource
    static void isolated(DynamicPropertyRegistry registry) {
        IsolatedRuntime.register(registry);
    }

    @Autowired
    WebTestClient web;
    @Autowired
    TurnHandler turns;
    @Autowired
    ConversationStore store;
    @Autowired
    MessageLog messageLog;
    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    Clock clock;

    @Test
    void aMessageRedeliveredAfterTheStateWriteFinishesItsTurnInsteadOfRunningItAgain() {
        String debtorId = "D-RECOVER-" + System.nanoTime();
        String phone = "+5730055" + String.format("%05d", System.nanoTime() % 100000);
        new WebchatDriver(web).loadDebtor(WebchatDriver.defaultDebtor(debtorId, WebchatDriver.today(), Map.of("phone", phone)));
        InboundMessage hola = whatsApp(debtorId, phone, "wamid.RECOVER-1", "hola");

        TurnResult first = turns.handle(hola).block(WAIT);
        String conversationId = first.conversationId();
        ConversationState before = store.findById(conversationId).block(WAIT);
        List<TranscriptEntry> logged = transcript(conversationId);
        List<Document> queued = outbox(conversationId);
        assertThat(first.replies()).isNotEmpty();
        assertThat(logged).hasSize(1 + first.replies().size());
        assertThat(queued).hasSize(first.replies().size());

        // The crash: the state write landed; the last log entry and the last outbox message did not.
        mongo.remove(Query.query(Criteria.where("_id").is(conversationId + ":" + before.messageSeq())), "messages").block(WAIT);
        mongo.remove(Query.query(Criteria.where("_id").is(queued.get(queued.size() - 1).get("_id"))), "whatsapp_outbox")
                .block(WAIT);

        TurnResult again = turns.handle(hola).block(WAIT);
        TurnResult thrice = turns.handle(hola).block(WAIT);

        assertThat(again.conversationId()).isEqualTo(conversationId);
        assertThat(again.replies()).as("the recorded replies, not a new answer").isEqualTo(first.replies());
        assertThat(thrice.replies()).isEqualTo(first.replies());
        ConversationState after = store.findById(conversationId).block(WAIT);
        assertThat(after.version()).as("the engine did not run again").isEqualTo(before.version());
        assertThat(after.messageSeq()).isEqualTo(before.messageSeq());
        assertThat(transcript(conversationId)).as("each entry logged once").isEqualTo(logged);
        List<Document> requeued = outbox(conversationId);
        assertThat(requeued).as("each reply queued once").hasSize(first.replies().size());
        // The lost message is stored again as it was saved with the turn (issue 17, step 2): same outbox id, same body.
        assertThat(before.lastTurn().channelRecords()).as("the outbox messages were saved with the turn")
                .hasSize(first.replies().size());
        assertThat(requeued.stream().map(d -> d.get("_id")).toList())
                .isEqualTo(queued.stream().map(d -> d.get("_id")).toList());
        assertThat(requeued.stream().map(d -> d.getString("body")).toList())
                .isEqualTo(queued.stream().map(d -> d.getString("body")).toList());

        // The next message is a new turn as usual.
        TurnResult next = turns.handle(whatsApp(debtorId, phone, "wamid.RECOVER-2", "1234")).block(WAIT);
        assertThat(next.conversationId()).isEqualTo(conversationId);
        assertThat(store.findById(conversationId).block(WAIT).version()).isEqualTo(before.version() + 1);
        assertThat(transcript(conversationId)).hasSize(logged.size() + 1 + next.replies().size());
    }

    private InboundMessage whatsApp(String debtorId, String phone, String wamid, String text) {
        return new InboundMessage("whatsapp", null, debtorId, phone.substring(1), wamid, text, null, clock.instant());
    }

    private List<TranscriptEntry> transcript(String conversationId) {
        return messageLog.transcript(conversationId).collectList().block(WAIT);
    }

    private List<Document> outbox(String conversationId) {
        return mongo.find(Query.query(Criteria.where("conversationId").is(conversationId))
                .with(org.springframework.data.domain.Sort.by("_id")), Document.class, "whatsapp_outbox")
                .collectList().block(WAIT);
    }
}

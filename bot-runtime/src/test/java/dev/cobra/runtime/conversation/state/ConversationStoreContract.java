package dev.cobra.runtime.conversation.state;

import dev.cobra.runtime.conversation.message.Reply;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The conversation store and message log against a MongoDB (embedded wire server, or a real one). */
abstract class ConversationStoreContract {

    private static final Instant NOW = Instant.parse("2026-11-18T15:00:00Z");

    abstract ReactiveMongoTemplate mongo();

    private ConversationState newConversation() {
        return ConversationState.start("c-" + UUID.randomUUID(), "webchat", "D-1", "s-" + UUID.randomUUID(), "es-CO", NOW);
    }

    @Test
    void aSavedConversationReadsBackWithTypedSlotsStackAndHandoff() {
        ConversationStore store = new ConversationStore(mongo());
        ConversationState state = newConversation();
        state.flowId("promise_to_pay");
        state.flowVersion(3);
        state.step("confirm");
        state.stack(List.of(new StackFrame("early", 2, "after_promise")));
        state.slots().put("promiseDate", LocalDate.of(2026, 11, 20));
        state.slots().put("promiseAmount", new BigDecimal("500000.50"));
        state.slots().put("installments", 6);
        state.slots().put("verified", true);
        state.slots().put("note", "texto");
        state.verified(true);
        state.status(ConversationStatus.WAITING_AGENT);
        state.handoff(new Handoff("general", "talk_to_agent", NOW));

        StepVerifier.create(store.save(state).then(store.findById(state.id())))
                .assertNext(loaded -> {
                    assertThat(loaded.version()).isEqualTo(1);
                    assertThat(loaded.flowVersion()).isEqualTo(3);
                    assertThat(loaded.step()).isEqualTo("confirm");
                    assertThat(loaded.stack()).containsExactly(new StackFrame("early", 2, "after_promise"));
                    assertThat(loaded.slots()).containsEntry("promiseDate", LocalDate.of(2026, 11, 20))
                            .containsEntry("promiseAmount", new BigDecimal("500000.50"))
                            .containsEntry("installments", 6)
                            .containsEntry("verified", true)
                            .containsEntry("note", "texto");
                    assertThat(loaded.status()).isEqualTo(ConversationStatus.WAITING_AGENT);
                    assertThat(loaded.handoff()).isEqualTo(new Handoff("general", "talk_to_agent", NOW));
                    assertThat(loaded.createdAt()).isEqualTo(NOW);
                })
                .verifyComplete();
    }

    @Test
    void aWriteBasedOnAStaleVersionIsRefused() {
        ConversationStore store = new ConversationStore(mongo());
        ConversationState state = newConversation();
        store.save(state).block();
        ConversationState first = store.findById(state.id()).block();
        ConversationState second = store.findById(state.id()).block();

        first.step("a");
        StepVerifier.create(store.save(first)).expectNextCount(1).verifyComplete();
        second.step("b");
        StepVerifier.create(store.save(second)).expectError(ConcurrentTurnException.class).verify();

        assertThat(store.findById(state.id()).block().step()).isEqualTo("a");
        assertThat(second.version()).as("a refused write leaves the caller's version as loaded").isEqualTo(1);
    }

    @Test
    void insertingTheSameNewConversationTwiceIsAConflict() {
        ConversationStore store = new ConversationStore(mongo());
        ConversationState state = newConversation();
        store.save(state).block();
        ConversationState again = ConversationState.start(state.id(), "webchat", "D-1", "s", "es", NOW);

        StepVerifier.create(store.save(again)).expectError(ConcurrentTurnException.class).verify();
    }

    @Test
    void theLatestConversationOfAChannelIdentityIsFound() {
        ConversationStore store = new ConversationStore(mongo());
        ConversationState older = ConversationState.start("c-old-" + UUID.randomUUID(), "whatsapp", null, "+57300999", "es", NOW);
        ConversationState newer = ConversationState.start("c-new-" + UUID.randomUUID(), "whatsapp", null, "+57300999", "es",
                NOW.plusSeconds(60));
        StepVerifier.create(store.save(older).then(store.save(newer)).then(store.findLatest("whatsapp", "+57300999")))
                .assertNext(found -> assertThat(found.id()).isEqualTo(newer.id()))
                .verifyComplete();
        StepVerifier.create(store.findLatest("whatsapp", "+57000000")).verifyComplete();
    }

    @Test
    void conversationsStoredBeforePointersExistedAreFoundAfterTheNextStart() {
        mongo().dropCollection("conversation_pointers").block();
        String user = "+57311" + (System.nanoTime() % 1_000_000);
        ConversationState older = ConversationState.start("c-pre-old-" + UUID.randomUUID(), "whatsapp", null, user, "es", NOW);
        ConversationState newer = ConversationState.start("c-pre-new-" + UUID.randomUUID(), "whatsapp", null, user, "es",
                NOW.plusSeconds(60));
        // Written as an earlier version did: the documents only, no pointer.
        mongo().insert(ConversationDocuments.toDocument(newer), "conversations")
                .then(mongo().insert(ConversationDocuments.toDocument(older), "conversations")).block();

        ConversationStore store = new ConversationStore(mongo());

        StepVerifier.create(store.findLatest("whatsapp", user))
                .assertNext(found -> assertThat(found.id()).isEqualTo(newer.id()))
                .verifyComplete();
    }

    @Test
    void aConversationReKeyedByErasureIsNoLongerFoundByTheOldIdentity() {
        ConversationStore store = new ConversationStore(mongo());
        String user = "+57322" + (System.nanoTime() % 1_000_000);
        ConversationState state = ConversationState.start("c-erased-" + UUID.randomUUID(), "whatsapp", "D-9", user, "es", NOW);
        store.save(state).block();
        mongo().updateFirst(org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where("_id").is(state.id())),
                new org.springframework.data.mongodb.core.query.Update().set("externalUserId", "erased-1234"),
                "conversations").block();

        StepVerifier.create(store.findLatest("whatsapp", user)).verifyComplete();
    }

    @Test
    void theMessageLogKeepsSeqOrderAndRefusesADuplicateSeq() {
        MessageLog log = new MessageLog(mongo());
        String id = "c-" + UUID.randomUUID();
        List<TranscriptEntry> turn = MessageLog.entries(id, 1, TranscriptEntry.FROM_BOT,
                List.of(Reply.text("hola"), Reply.options("¿Qué prefieres?", List.of(new Reply.Option("pay_now", "Pagar", null)))), NOW);

        StepVerifier.create(log.append(List.of(TranscriptEntry.of(id, 3, "debtor", Reply.text("1"), NOW)))
                        .then(log.append(turn)).thenMany(log.transcript(id).map(TranscriptEntry::text)))
                .expectNext("hola", "¿Qué prefieres?", "1")
                .verifyComplete();
        StepVerifier.create(log.append(List.of(TranscriptEntry.of(id, 2, "debtor", Reply.text("dup"), NOW))))
                .expectError().verify();
        StepVerifier.create(log.transcript(id).filter(e -> e.options() != null).flatMapIterable(TranscriptEntry::options))
                .assertNext(option -> assertThat(option.id()).isEqualTo("pay_now"))
                .verifyComplete();
    }

    @Test
    void agentMessagesReserveSeqsAndMakeAConcurrentTurnRetry() {
        ConversationStore store = new ConversationStore(mongo());
        MessageLog log = new MessageLog(mongo());
        ConversationState state = newConversation();
        state.messageSeq(4);
        store.save(state).block();
        ConversationState turnCopy = store.findById(state.id()).block();

        StepVerifier.create(log.appendOutsideTurn(store, state.id(), TranscriptEntry.FROM_AGENT,
                        List.of(Reply.text("Hola, soy Carla")), NOW).flatMapMany(Flux::fromIterable).map(TranscriptEntry::seq))
                .expectNext(5L).verifyComplete();
        StepVerifier.create(store.save(turnCopy)).expectError(ConcurrentTurnException.class).verify();
        assertThat(store.findById(state.id()).block().messageSeq()).isEqualTo(5);
    }

    @Test
    void aTurnStartsFromThisInstancesCopyWithoutReadingTheDatabase() {
        ConversationStore store = new ConversationStore(mongo());
        ConversationState state = ConversationState.start("c-cached-" + UUID.randomUUID(), "whatsapp", "D-1",
                "+57301" + (System.nanoTime() % 1_000_000), "es", NOW);
        state.step("menu");
        store.save(state).block();
        // Gone from the database behind the store's back: only the copy can answer.
        mongo().remove(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is(state.id())), "conversations").block();

        StepVerifier.create(store.findLatestForTurn("whatsapp", state.externalUserId()))
                .assertNext(copy -> {
                    assertThat(copy.step()).isEqualTo("menu");
                    assertThat(copy.version()).isEqualTo(1);
                    assertThat(copy).as("a fresh object per turn: a failed turn leaves the copy as saved").isNotSameAs(state);
                })
                .verifyComplete();
        StepVerifier.create(store.findById(state.id())).as("other readers read the database").verifyComplete();
    }

    @Test
    void aCopyMadeStaleByAnotherInstanceFailsItsSaveAndIsReadAgain() {
        ConversationStore instanceA = new ConversationStore(mongo());
        ConversationStore instanceB = new ConversationStore(mongo());
        ConversationState state = newConversation();
        instanceA.save(state).block();
        ConversationState onA = instanceA.findForTurn(state.id()).block();

        ConversationState onB = instanceB.findForTurn(state.id()).block();
        onB.step("from-b");
        instanceB.save(onB).block();

        onA.step("from-a");
        StepVerifier.create(instanceA.save(onA)).expectError(ConcurrentTurnException.class).verify();
        StepVerifier.create(instanceA.findForTurn(state.id()))
                .assertNext(reread -> {
                    assertThat(reread.step()).as("the lost race evicted A's copy").isEqualTo("from-b");
                    assertThat(reread.version()).isEqualTo(2);
                })
                .verifyComplete();
    }

    @Test
    void writesOutsideATurnKeepTheCopyExact() {
        ConversationStore store = new ConversationStore(mongo());
        ConversationState state = newConversation();
        store.save(state).block();
        ConversationState beforeClaim = store.findForTurn(state.id()).block();

        store.updateIf(state.id(), com.mongodb.client.model.Filters.eq("status", "BOT"),
                new org.bson.Document("status", ConversationStatus.AGENT.name()).append("agent", "carla")).block();
        StepVerifier.create(store.findForTurn(state.id()))
                .assertNext(copy -> assertThat(copy.status()).isEqualTo(ConversationStatus.AGENT))
                .verifyComplete();
        StepVerifier.create(store.save(beforeClaim)).as("a turn loaded before the claim still loses")
                .expectError(ConcurrentTurnException.class).verify();

        store.allocateSeqs(state.id(), 2).block();
        assertThat(store.findForTurn(state.id()).block().messageSeq()).isEqualTo(2);
    }

    @Test
    void erasureDropsTheCopiesAndMovesTheVersion() {
        ConversationStore store = new ConversationStore(mongo());
        String debtor = "D-erase-" + UUID.randomUUID();
        String user = "+57302" + (System.nanoTime() % 1_000_000);
        ConversationState state = ConversationState.start("c-erase-" + UUID.randomUUID(), "whatsapp", debtor, user, "es", NOW);
        state.slots().put("note", "secreto");
        store.save(state).block();
        ConversationState loadedBefore = store.findForTurn(state.id()).block();

        store.erase(new dev.cobra.runtime.persistence.DebtorRecords.Erasure(debtor, "erased-" + UUID.randomUUID(),
                List.of(state.id()), List.of(user), java.util.Set.of(user))).block();

        StepVerifier.create(store.findLatestForTurn("whatsapp", user)).as("the old identity finds nothing").verifyComplete();
        StepVerifier.create(store.findForTurn(state.id()))
                .assertNext(copy -> assertThat(copy.slots()).doesNotContainKey("note"))
                .verifyComplete();
        StepVerifier.create(store.save(loadedBefore)).as("a copy from before the erasure cannot write it back")
                .expectError(ConcurrentTurnException.class).verify();
    }
}

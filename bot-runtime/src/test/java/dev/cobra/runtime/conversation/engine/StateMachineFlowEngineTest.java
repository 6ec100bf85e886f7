package dev.cobra.runtime.conversation.engine;

import dev.cobra.runtime.conversation.message.Reply;
import dev.cobra.runtime.conversation.InMemoryFlowCatalog;
import dev.cobra.runtime.conversation.RecordingActions;
import dev.cobra.runtime.conversation.ScriptedNlu;
import dev.cobra.runtime.conversation.state.ConversationState;
import dev.cobra.runtime.conversation.state.ConversationStatus;
import dev.cobra.runtime.debtor.Debt;
import dev.cobra.runtime.debtor.Debtor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class StateMachineFlowEngineTest {

    private static final ZoneId BOGOTA = ZoneId.of("America/Bogota");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20); // a Friday
    private static final Instant NOW = TODAY.atTime(10, 0).atZone(BOGOTA).toInstant();

    private InMemoryFlowCatalog catalog;
    private ScriptedNlu nlu;
    private RecordingActions actions;
    private StateMachineFlowEngine engine;
    private ConversationState state;
    private TurnContext context;

    @BeforeEach
    void setUp() {
        catalog = InMemoryFlowCatalog.shipped();
        nlu = new ScriptedNlu();
        actions = new RecordingActions();
        engine = new StateMachineFlowEngine(new CompiledFlows(catalog), nlu, actions);
        Debtor ana = new Debtor("D-TEST", "Ana Pérez", "+573001234567", null, "es-CO", "America/Bogota", "CO", "hash",
                null, List.of(new Debt("L-77", "Tarjeta de crédito", new BigDecimal("1250000"), "COP", TODAY.minusDays(10))),
                null, false, false);
        context = new TurnContext(ana, NOW, TODAY, BOGOTA);
        state = ConversationState.start("c1", "webchat", "D-TEST", "s1", "es-CO", NOW);
    }

    private List<Reply> start() {
        TurnOutcome outcome = engine.start(state, context).block();
        assertThat(outcome).isNotNull();
        return outcome.replies();
    }

    private List<Reply> say(String text) {
        return engine.handle(state, TurnInput.text(text), context).block().replies();
    }

    private List<Reply> choose(String optionId) {
        return engine.handle(state, TurnInput.option(optionId), context).block().replies();
    }

    private static String all(List<Reply> replies) {
        return replies.stream().map(Reply::text).collect(Collectors.joining("\n"));
    }

    private static List<String> optionIds(List<Reply> replies) {
        return replies.stream().filter(r -> r.options() != null).flatMap(r -> r.options().stream())
                .map(Reply.Option::id).toList();
    }

    @Test
    void theOpeningGreetsByNameAndAsksForTheDocumentWithoutDebtDetails() {
        List<Reply> replies = start();

        assertThat(all(replies)).contains("Ana").doesNotContain("1.250.000").doesNotContain("Tarjeta");
        assertThat(state.flowId()).isEqualTo("verification");
        assertThat(state.step()).isEqualTo("ask_document");
        assertThat(state.stack()).singleElement().satisfies(frame -> {
            assertThat(frame.flowId()).isEqualTo("early");
            assertThat(frame.returnStep()).isEqualTo("balance");
        });
    }

    @Test
    void theRightDigitsDiscloseTheBalanceAndOfferTheMenuAndNeverKeepTheDigits() {
        start();
        List<Reply> replies = say("1234");

        assertThat(all(replies)).contains("1.250.000");
        assertThat(optionIds(replies)).startsWith("pay_now", "promise", "plan");
        assertThat(state.verified()).isTrue();
        assertThat(state.flowId()).isEqualTo("early");
        assertThat(state.step()).isEqualTo("main_menu");
        assertThat(state.stack()).isEmpty();
        assertThat(state.slots()).doesNotContainKey("documentDigits").containsEntry("verificationAttempts", 1);
    }

    @Test
    void payNowSendsAPaymentLinkAndClosesThePaidConversation() {
        start();
        say("1234");
        List<Reply> replies = choose("pay_now");

        assertThat(all(replies)).contains("https://pay.test/p/1");
        assertThat(state.status()).isEqualTo(ConversationStatus.CLOSED);
    }

    @Test
    void aTypedOptionTitleOrNumberChoosesTheOptionRegardlessOfCaseAndAccents() {
        start();
        say("1234");
        assertThat(all(say("  PAGAR ahora! "))).contains("https://pay.test/p/1");

        ConversationState second = ConversationState.start("c2", "webchat", "D-TEST", "s2", "es-CO", NOW);
        engine.start(second, context).block();
        engine.handle(second, TurnInput.text("1234"), context).block();
        engine.handle(second, TurnInput.text("1"), context).block();
        assertThat(second.slots()).containsKey("paymentLink");
    }

    @Test
    void wrongDigitsThreeTimesHandOffToTheVerificationQueueWithoutDisclosingTheDebt() {
        start();
        String said = all(say("1111")) + all(say("2222")) + all(say("3333"));

        assertThat(said).doesNotContain("1.250.000");
        assertThat(state.verified()).isFalse();
        assertThat(state.status()).isEqualTo(ConversationStatus.WAITING_AGENT);
        assertThat(state.handoff().queue()).isEqualTo("verification");
    }

    @Test
    void theOptOutKeywordIsHonouredInsideAnInputStepBeforeAnyNlu() {
        start();
        List<Reply> replies = say("BAJA");

        assertThat(state.optedOut()).isTrue();
        assertThat(state.status()).isEqualTo(ConversationStatus.CLOSED);
        assertThat(state.disposition()).isEqualTo("OPTED_OUT");
        assertThat(actions.optedOut).containsExactly("D-TEST");
        assertThat(replies).isNotEmpty();
    }

    @Test
    void theOptOutPhraseIsHonouredWhileWaitingForAnAgent() {
        start();
        say("1234");
        nlu.intent("quiero hablar con una persona", "talk_to_agent", 0.95);
        say("quiero hablar con una persona");
        assertThat(state.status()).isEqualTo(ConversationStatus.WAITING_AGENT);
        assertThat(state.handoff().queue()).isEqualTo("general");

        List<Reply> goodbye = say("No me escriban más, por favor");

        assertThat(state.optedOut()).isTrue();
        assertThat(state.status()).isEqualTo(ConversationStatus.CLOSED);
        assertThat(actions.optedOut).containsExactly("D-TEST");
        assertThat(all(goodbye)).as("no word about the queue after an opt-out").doesNotContain("fila");
        assertThat(all(say("hola?"))).doesNotContain("fila");
    }

    private void later(Duration elapsed) {
        context = new TurnContext(context.debtor(), NOW.plus(elapsed), TODAY, BOGOTA);
    }

    @Test
    void aDebtorWhoWritesWhileWaitingIsToldTheyAreInLineAtMostOnceInTenMinutesAndNothingOnceAnAgentHasTheChat() {
        start();
        say("1234");
        nlu.intent("quiero hablar con una persona", "talk_to_agent", 0.95);
        say("quiero hablar con una persona");
        assertThat(state.status()).isEqualTo(ConversationStatus.WAITING_AGENT);

        assertThat(all(say("hola?"))).contains("Sigues en la fila").doesNotContain("1.250.000");
        assertThat(say("sigo esperando")).as("not on every message").isEmpty();
        later(Duration.ofMinutes(9));
        assertThat(say("alguien??")).isEmpty();
        later(Duration.ofMinutes(10));
        assertThat(all(say("alguien??"))).as("ten minutes later, once more").contains("Sigues en la fila");
        assertThat(state.status()).isEqualTo(ConversationStatus.WAITING_AGENT);

        state.status(ConversationStatus.AGENT); // an agent claimed the chat
        later(Duration.ofMinutes(30));
        assertThat(say("hola?")).as("the agent answers, the bot is silent").isEmpty();
    }

    @Test
    void aNewWaitIsAcknowledgedAgainAndAnEnglishConversationHearsItInEnglish() {
        start();
        say("1234");
        nlu.intent("quiero hablar con una persona", "talk_to_agent", 0.95);
        say("quiero hablar con una persona");
        assertThat(all(say("hola?"))).contains("fila");

        later(Duration.ofMinutes(1));
        engine.resume(state, null, context).block(); // the agent handed the chat back
        say("quiero hablar con una persona");
        assertThat(state.status()).isEqualTo(ConversationStatus.WAITING_AGENT);
        state.locale("en");
        assertThat(all(say("hello?"))).as("a new wait, a minute after the last word").contains("still in line");
    }

    @Test
    void aMenuMissAsksOnceToClarifyWithTheOptionsThenHandsOffForLowConfidence() {
        start();
        say("1234");

        List<Reply> clarify = say("mmm no sé");
        assertThat(optionIds(clarify)).startsWith("pay_now");
        assertThat(state.status()).isEqualTo(ConversationStatus.BOT);

        say("bla bla");
        assertThat(state.status()).isEqualTo(ConversationStatus.WAITING_AGENT);
        assertThat(state.handoff().reason()).isEqualTo("low_confidence");
    }

    @Test
    void anIntentCloseToTheRunnerUpIsNotActedOn() {
        start();
        say("1234");
        nlu.ambiguous("quizás pagar", "pay_now", 0.70, 0.66);

        say("quizás pagar");

        assertThat(state.step()).isEqualTo("main_menu");
        assertThat(state.clarifyCount()).isEqualTo(1);
        assertThat(state.slots()).doesNotContainKey("paymentLink");
    }

    @Test
    void twoCloseIntentsWithRoutesGetAShortChoiceBetweenThem() {
        start();
        say("1234");
        nlu.close("pues no sé, cuotas o esperar", "payment_plan", 0.46, "request_more_time", 0.42);

        List<Reply> choice = say("pues no sé, cuotas o esperar");

        assertThat(optionIds(choice)).containsExactly("plan", "more_time");
        assertThat(state.step()).isEqualTo("main_menu");
        choose("plan");
        assertThat(state.flowId()).isEqualTo("payment_plan");
    }

    @Test
    void aConfidentIntentListedByAnOptionChoosesIt() {
        start();
        say("1234");
        nlu.intent("quiero pagar ya mismo", "pay_now", 0.93);

        assertThat(all(say("quiero pagar ya mismo"))).contains("https://pay.test/p/");
    }

    @Test
    void aPromiseDateWithinTheHorizonIsStoredAndConfirmedThenRecorded() {
        start();
        say("1234");
        choose("promise");
        nlu.date("el viernes", TODAY.plusDays(7));
        say("el viernes");
        assertThat(state.slots()).containsEntry("promiseDate", TODAY.plusDays(7));

        List<Reply> confirm = say("500000");
        assertThat(all(confirm)).contains("27 de noviembre");
        choose("confirm_yes");

        assertThat(state.disposition()).isEqualTo("PROMISE_TO_PAY");
        assertThat(actions.promises).singleElement().satisfies(p -> {
            assertThat(p.date()).isEqualTo(TODAY.plusDays(7));
            assertThat(p.amount()).isEqualByComparingTo("500000");
        });
    }

    @Test
    void aDateBeyondTheHorizonIsRejectedAndAskedAgain() {
        start();
        say("1234");
        choose("promise");
        nlu.date("en tres meses", TODAY.plusDays(90));

        say("en tres meses");

        assertThat(state.step()).isEqualTo("ask_date");
        assertThat(state.retryCount()).isEqualTo(1);
        assertThat(state.slots()).doesNotContainKey("promiseDate");
    }

    @Test
    void aClosedConversationIsNeverRestartedAndANewRequestContinuesWithoutTheDigits() {
        start();
        say("1234");
        choose("pay_now");
        assertThat(state.status()).isEqualTo(ConversationStatus.CLOSED);
        nlu.intent("gracias", "thanks", 0.95);

        List<Reply> closing = say("gracias");

        assertThat(state.status()).isEqualTo(ConversationStatus.CLOSED);
        assertThat(state.verified()).isTrue();
        assertThat(all(closing)).doesNotContain("dígitos").doesNotContain("1.250.000");

        nlu.intent("ahora quiero pagar en cuotas", "payment_plan", 0.93);
        List<Reply> plan = say("ahora quiero pagar en cuotas");

        assertThat(state.status()).isEqualTo(ConversationStatus.BOT);
        assertThat(state.verified()).isTrue();
        assertThat(state.flowId()).isEqualTo("payment_plan");
        assertThat(all(plan)).contains("cuotas").doesNotContain("dígitos").doesNotContain("Hola");
    }

    @Test
    void afterAnOptOutOnlyAnAcknowledgementIsSaid() {
        start();
        say("1234");
        say("no me escriban más");
        assertThat(state.optedOut()).isTrue();
        nlu.intent("cuanto debo", "ask_balance", 0.95);

        List<Reply> replies = say("cuanto debo");

        assertThat(state.status()).isEqualTo(ConversationStatus.CLOSED);
        assertThat(all(replies)).doesNotContain("1.250.000").doesNotContain("dígitos");
    }

    @Test
    void anAgentsReleaseAsksTheInterruptedQuestionAgainOrContinuesAtAChosenStep() {
        start();
        say("1234");
        nlu.intent("quiero hablar con una persona", "talk_to_agent", 0.95);
        say("quiero hablar con una persona");
        assertThat(state.status()).isEqualTo(ConversationStatus.WAITING_AGENT);
        assertThat(state.step()).isEqualTo("agent");

        List<Reply> again = engine.resume(state, null, context).block().replies();
        assertThat(state.status()).isEqualTo(ConversationStatus.BOT);
        assertThat(state.handoff()).isNull();
        assertThat(state.verified()).isTrue();
        assertThat(state.step()).as("back at the stage menu, verification kept").isEqualTo("main_menu");
        assertThat(all(again)).contains("asistente virtual").doesNotContain("dígitos");
        assertThat(optionIds(again)).contains("pay_now");

        engine.resume(state, "payment_link", context).block();
        assertThat(state.slots()).containsKey("paymentLink");
        assertThat(state.status()).isEqualTo(ConversationStatus.CLOSED);
    }

    @Test
    void releasingToAnUnknownStepIsRefused() {
        start();
        StepVerifier.create(engine.resume(state, "no_such_step", context)).expectError(IllegalArgumentException.class).verify();
    }

    @Test
    void aRunawayFlowIsStoppedAfterMaxStepsAndHandedOff() {
        catalog.publishYaml("early", """
                id: early
                selection: {maxDaysPastDue: 30}
                entry: a
                steps:
                  a: {type: message, text: "a", next: b}
                  b: {type: message, text: "b", next: a}
                """, 7);

        List<Reply> replies = start();

        assertThat(replies).hasSize(StateMachineFlowEngine.MAX_STEPS_PER_TURN + 1);
        assertThat(state.status()).isEqualTo(ConversationStatus.WAITING_AGENT);
        assertThat(state.handoff().reason()).isEqualTo("runaway_flow");
    }

    @Test
    void anonymousVisitorsGetTheBuiltInFlowWithoutAnyDebt() {
        TurnContext anonymous = TurnContext.of(null, java.time.Clock.fixed(NOW, BOGOTA));
        ConversationState visitor = ConversationState.start("c3", "webchat", null, "s3", null, NOW);

        StepVerifier.create(engine.start(visitor, anonymous))
                .assertNext(outcome -> assertThat(optionIds(outcome.replies())).contains("my_debt", "agent"))
                .verifyComplete();
        assertThat(visitor.flowId()).isEqualTo(CompiledFlows.ANONYMOUS_FLOW_ID);
    }
}

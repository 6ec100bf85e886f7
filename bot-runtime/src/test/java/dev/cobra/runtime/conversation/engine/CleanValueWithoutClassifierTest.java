package dev.cobra.runtime.conversation.engine;

import dev.cobra.nlp.api.Intents;
import dev.cobra.runtime.conversation.InMemoryFlowCatalog;
import dev.cobra.runtime.conversation.RecordingActions;
import dev.cobra.runtime.conversation.ScriptedNlu;
import dev.cobra.runtime.conversation.state.ConversationState;
import dev.cobra.runtime.conversation.state.ConversationStatus;
import dev.cobra.runtime.debtor.Debt;
import dev.cobra.runtime.debtor.Debtor;
import dev.cobra.runtime.nlu.NluResult;
import dev.cobra.runtime.nlu.NluService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 17, step 5: an input answer that is the value alone skips the classifier; anything more is classified. */
class CleanValueWithoutClassifierTest {

    private static final ZoneId BOGOTA = ZoneId.of("America/Bogota");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
    private static final Instant NOW = TODAY.atTime(10, 0).atZone(BOGOTA).toInstant();

    private final ScriptedNlu scripted = new ScriptedNlu();
    private final AtomicInteger classified = new AtomicInteger();
    private StateMachineFlowEngine engine;
    private ConversationState state;
    private TurnContext context;

    @BeforeEach
    void setUp() {
        NluService counting = (text, locale, date, zone) -> {
            classified.incrementAndGet();
            return scripted.parse(text, locale, date, zone);
        };
        engine = new StateMachineFlowEngine(new CompiledFlows(InMemoryFlowCatalog.shipped()), counting, new RecordingActions());
        Debtor ana = new Debtor("D-TEST", "Ana Pérez", "+573001234567", null, "es-CO", "America/Bogota", "CO", "hash",
                null, List.of(new Debt("L-77", "Tarjeta de crédito", new BigDecimal("1250000"), "COP", TODAY.minusDays(10))),
                null, false, false);
        context = new TurnContext(ana, NOW, TODAY, BOGOTA);
        state = ConversationState.start("c1", "webchat", "D-TEST", "s1", "es-CO", NOW);
        engine.start(state, context).block();
    }

    private TurnOutcome say(String text) {
        return engine.handle(state, TurnInput.text(text), context).block();
    }

    @Test
    void theDigitsAloneAreCheckedWithoutTheClassifier() {
        say(" 1234. ");

        assertThat(classified).hasValue(0);
        assertThat(state.verified()).isTrue();
        assertThat(state.step()).isEqualTo("main_menu");
    }

    @Test
    void aNumberAloneFillsTheInstallmentsWithoutTheClassifier() {
        say("1234");
        engine.handle(state, TurnInput.option("plan"), context).block();
        assertThat(state.step()).isEqualTo("ask_installments");
        int before = classified.get();

        say("3 cuotas");

        assertThat(classified.get()).isEqualTo(before);
        assertThat(state.slots()).containsEntry("installments", 3);
    }

    @Test
    void aRequestAroundTheDigitsIsStillClassifiedAndWins() {
        scripted.intent("quiero hablar con un asesor 1234", Intents.TALK_TO_AGENT, 0.95);

        say("quiero hablar con un asesor 1234");

        assertThat(classified).hasValue(1);
        assertThat(state.verified()).isFalse();
        assertThat(state.status()).isEqualTo(ConversationStatus.WAITING_AGENT);
    }

    @Test
    void onlyTheStepsValueQualifies() {
        var step = new dev.cobra.flow.model.InputStep("ask", "amount", dev.cobra.flow.model.EntityType.AMOUNT,
                null, null, null, 3, null, null, List.of(), null);
        NluResult alone = CleanValue.of(step, "$200.000", "es-CO", TODAY, BOGOTA);
        assertThat(alone).isNotNull();
        assertThat(CleanValue.of(step, "mejor en cuotas, 200000", "es-CO", TODAY, BOGOTA)).isNull();
        assertThat(CleanValue.of(step, "el 15", "es-CO", TODAY, BOGOTA)).isNull();
    }
}

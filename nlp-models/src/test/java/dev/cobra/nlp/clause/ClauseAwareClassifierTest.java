package dev.cobra.nlp.clause;

import dev.cobra.nlp.api.IntentClassifier;
import dev.cobra.nlp.api.IntentPrediction;
import dev.cobra.nlp.api.Intents;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The decision rule, on a scripted classifier (clause text → intent, anything else → the whole message's answer). */
class ClauseAwareClassifierTest {

    private static IntentClassifier scripted(Map<String, IntentPrediction> byFragment, IntentPrediction otherwise) {
        return (text, locale) -> byFragment.getOrDefault(text, otherwise);
    }

    private static IntentPrediction p(String intent, double confidence) {
        return new IntentPrediction(intent, confidence, List.of(), "es");
    }

    private final IntentPrediction wholeIsHardship = p(Intents.FINANCIAL_HARDSHIP, 0.6);

    @Test
    void theRequestWinsOverTheContextClauseBeforeIt() {
        IntentClassifier c = scripted(Map.of("pero para el viernes le puedo pagar unos 200 mil", p(Intents.REQUEST_MORE_TIME, 0.9),
                "mire le cuento que me quedé sin trabajo", p(Intents.FINANCIAL_HARDSHIP, 0.95)), wholeIsHardship);
        var reading = new ClauseAwareClassifier(c, new RuleTextAnalyzer(), 0.65)
                .read("mire le cuento que me quedé sin trabajo pero para el viernes le puedo pagar unos 200 mil", "es");
        assertThat(reading.prediction().intent()).isEqualTo(Intents.REQUEST_MORE_TIME);
        assertThat(reading.clauses()).hasSize(2);
        assertThat(reading.clauses().get(reading.main()).clause().text()).startsWith("pero para el viernes");
    }

    @Test
    void anOptOutInAnyClauseWinsEvenOverAMoreConfidentRequest() {
        IntentClassifier c = scripted(Map.of("así que no me escriban más", p(Intents.OPT_OUT, 0.8),
                "ya pagué ayer en el banco,", p(Intents.ALREADY_PAID, 0.99)), p(Intents.ALREADY_PAID, 0.99));
        var reading = new ClauseAwareClassifier(c, new RuleTextAnalyzer(), 0.65)
                .read("ya pagué ayer en el banco, así que no me escriban más", "es");
        assertThat(reading.prediction().intent()).isEqualTo(Intents.OPT_OUT);
    }

    @Test
    void aClauseThatRejectsAnOptionGivesWayToTheOneThatChooses() {
        IntentClassifier c = scripted(Map.of("no quiero cuotas,", p(Intents.PAYMENT_PLAN, 0.9),
                "mejor pago todo hoy", p(Intents.PAY_NOW, 0.8)), p(Intents.PAYMENT_PLAN, 0.7));
        var reading = new ClauseAwareClassifier(c, new RuleTextAnalyzer(), 0.65)
                .read("no quiero cuotas, mejor pago todo hoy", "es");
        assertThat(reading.prediction().intent()).isEqualTo(Intents.PAY_NOW);
    }

    @Test
    void aConfidentWholeReadingStandsAndShortMessagesAreNotCut() {
        IntentClassifier c = scripted(Map.of("hola buenas tardes,", p(Intents.GREET, 0.9),
                "quería saber cuánto es lo que debo en total", p(Intents.ASK_BALANCE, 0.9)), p(Intents.ASK_BALANCE, 0.97));
        var reading = new ClauseAwareClassifier(c, new RuleTextAnalyzer(), 0.65)
                .read("hola buenas tardes, quería saber cuánto es lo que debo en total", "es");
        assertThat(reading.prediction().intent()).isEqualTo(Intents.ASK_BALANCE);
        assertThat(reading.main()).isEqualTo(-1);
        var shortOne = new ClauseAwareClassifier(c, new RuleTextAnalyzer(), 0.65).read("hola, cuánto", "es");
        assertThat(shortOne.clauses()).hasSize(1);
    }

    @Test
    void withNoRequestClauseTheWholeReadingStands() {
        IntentClassifier c = scripted(Map.of(), wholeIsHardship);
        var reading = new ClauseAwareClassifier(c, new RuleTextAnalyzer(), 0.65)
                .read("estoy sin trabajo desde marzo, mi esposo enfermo, la verdad no sé qué hacer", "es");
        assertThat(reading.prediction()).isEqualTo(wholeIsHardship);
    }
}

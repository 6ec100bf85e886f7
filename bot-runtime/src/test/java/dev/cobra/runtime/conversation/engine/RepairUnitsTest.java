package dev.cobra.runtime.conversation.engine;

import dev.cobra.flow.model.FlowSettings;
import dev.cobra.nlp.api.Entity;
import dev.cobra.nlp.api.IntentPrediction;
import dev.cobra.nlp.api.ScoredIntent;
import dev.cobra.runtime.conversation.state.ConversationState;
import dev.cobra.runtime.nlu.NluResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The small pure parts of the repair behaviours: memory of said values, cancel phrases, language, the NLU decision. */
class RepairUnitsTest {

    private static NluResult parsed(String text, Entity... entities) {
        return new NluResult(text, new IntentPrediction("deny", 0.9, List.of(new ScoredIntent("deny", 0.9)), "es"),
                List.of(entities), false);
    }

    private static Entity date(String text, String said, String iso) {
        int start = text.indexOf(said);
        return new Entity(Entity.DATE, iso, start, start + said.length(), said, null);
    }

    @Test
    void theValueTheDebtorRejectsIsNotTheOneKept() {
        String text = "no, el viernes no, el lunes";
        assertThat(EntityMemory.values(parsed(text, date(text, "el viernes", "2026-12-11"), date(text, "el lunes", "2026-12-07")), null))
                .containsEntry("date", "2026-12-07");
        String other = "no el viernes sino el lunes";
        assertThat(EntityMemory.values(parsed(other, date(other, "el viernes", "2026-12-11"), date(other, "el lunes", "2026-12-07")), null))
                .containsEntry("date", "2026-12-07");
        String english = "no, not friday, monday";
        assertThat(EntityMemory.values(parsed(english, date(english, "friday", "2026-12-11"), date(english, "monday", "2026-12-07")), null))
                .containsEntry("date", "2026-12-07");
        String only = "el viernes";
        assertThat(EntityMemory.values(parsed(only, date(only, "el viernes", "2026-12-11")), null)).containsEntry("date", "2026-12-11");
    }

    @Test
    void nothingWithDigitsIsRememberedWhileTheIdDigitsAreAsked() {
        ConversationState state = new ConversationState();
        String text = "1023456789";
        EntityMemory.remember(state, parsed(text, new Entity(Entity.AMOUNT, 1023456789, 0, 10, text, null)), true);
        assertThat(state.heard()).isEmpty();
        EntityMemory.remember(state, parsed(text, new Entity(Entity.AMOUNT, 1023456789, 0, 10, text, null)), false);
        assertThat(state.heard()).containsEntry("amount", "1023456789");
        assertThat(EntityMemory.take(state, List.of("date", "amount"))).isEqualTo("1023456789");
        assertThat(state.heard()).isEmpty();
    }

    @Test
    void cancelPhrasesAreWholeMessagesNotPartsOfOtherRequests() {
        for (String yes : List.of("olvídalo", "ya no", "mmm mejor no", "dejalo asi", "déjalo así porfa", "OLVIDALO!!", "forget it",
                "never mind", "nvm", "cancelar", "ya no quiero eso")) {
            assertThat(RepairPhrases.cancel(TextMatching.normalize(yes))).as(yes).isTrue();
        }
        for (String no : List.of("ya no tengo trabajo", "no me escriban más", "no puedo pagar", "quiero cancelar la deuda en cuotas", "")) {
            assertThat(RepairPhrases.cancel(TextMatching.normalize(no))).as(no).isFalse();
        }
        assertThat(RepairPhrases.whoAreYou(TextMatching.normalize("¿Y tú quién eres?"))).isTrue();
        assertThat(RepairPhrases.whoAreYou(TextMatching.normalize("who is this"))).isTrue();
        assertThat(RepairPhrases.whoAreYou(TextMatching.normalize("what is this about??"))).isTrue();
        assertThat(RepairPhrases.whoAreYou(TextMatching.normalize("y esto de que se trata"))).isTrue();
        assertThat(RepairPhrases.whoAreYou(TextMatching.normalize("por que me escriben a mi"))).isTrue();
        assertThat(RepairPhrases.whoAreYou(TextMatching.normalize("quiero pagar"))).isFalse();
    }

    @Test
    void theLanguageIsTheDebtorsOnlyWhenClear() {
        assertThat(LanguageDetector.detect(TextMatching.normalize("Sorry, I don't speak Spanish"))).isEqualTo("en");
        assertThat(LanguageDetector.detect(TextMatching.normalize("no tengo plata ahorita, le pago el 15"))).isEqualTo("es");
        assertThat(LanguageDetector.detect(TextMatching.normalize("ok"))).isNull();
        assertThat(LanguageDetector.detect(TextMatching.normalize("1234"))).isNull();
        assertThat(LanguageDetector.detect(TextMatching.normalize("quiero pay now"))).isNull();
        // Two-word messages are clear when both words are: the days and words of paying.
        assertThat(LanguageDetector.detect(TextMatching.normalize("pago hoy"))).isEqualTo("es");
        assertThat(LanguageDetector.detect(TextMatching.normalize("ya pagué ayer"))).isEqualTo("es");
        assertThat(LanguageDetector.detect(TextMatching.normalize("mañana le pago"))).isEqualTo("es");
        assertThat(LanguageDetector.detect(TextMatching.normalize("paid yesterday"))).isEqualTo("en");
        assertThat(LanguageDetector.detect(TextMatching.normalize("ill pay tmrw"))).isEqualTo("en");
        assertThat(LanguageDetector.detect(TextMatching.normalize("ok gracias"))).isNull();
        assertThat(LanguageDetector.localeFor("es", "es-MX")).isEqualTo("es-MX");
        assertThat(LanguageDetector.localeFor("en", "es-CO")).isEqualTo("en");
    }

    @Test
    void aBareAcknowledgementAnswersNoFreeTextQuestionAndTodoIsTheWholeAmount() {
        for (String ack : List.of("ok gracias", "Ok, muchas gracias!!", "vale", "listo 👍", "thx", "okay thank you")) {
            assertThat(RepairPhrases.acknowledgementOnly(TextMatching.normalize(ack))).as(ack).isTrue();
        }
        for (String answer : List.of("ok el martes por nequi", "gracias, pague ayer en oxxo", "nunca saque esa tarjeta")) {
            assertThat(RepairPhrases.acknowledgementOnly(TextMatching.normalize(answer))).as(answer).isFalse();
        }
        for (String all : List.of("todo", "pues todo", "el total", "Todo completo de una", "all of it", "the full amount")) {
            assertThat(RepairPhrases.wholeAmount(TextMatching.normalize(all))).as(all).isTrue();
        }
        for (String not : List.of("todo bien", "no puedo todo", "la mitad", "all good")) {
            assertThat(RepairPhrases.wholeAmount(TextMatching.normalize(not))).as(not).isFalse();
        }
    }

    @Test
    void aMomentToFindTheAnswerIsAWaitNotHardshipOrForgetting() {
        for (String wait : List.of("no tengo la cédula a la mano", "NO LA TENGO AQUI", "dejeme la busco", "dame un segundito",
                "un momento porfa", "ahorita te digo", "no traigo mi INE", "dont have my id on me rn", "lemme check",
                "give me a sec", "hold on", "i'll check and get back to you")) {
            assertThat(RepairPhrases.holdOn(TextMatching.normalize(wait))).as(wait).isTrue();
        }
        for (String not : List.of("no tengo plata", "no tengo trabajo", "no me acuerdo", "no me acuerdo de los numeros",
                "no tengo como pagar", "i dont have money", "ya les pague", "momento de pagar", "en un momento de crisis")) {
            assertThat(RepairPhrases.holdOn(TextMatching.normalize(not))).as(not).isFalse();
        }
    }

    @Test
    void askingForTheOptionsIsAShortQuestionNotARequest() {
        for (String yes : List.of("que opciones tengo?", "Y cuáles son mis opciones", "q puedo hacer", "what are my options?",
                "ok so what can i do", "opciones porfa")) {
            assertThat(RepairPhrases.asksOptions(TextMatching.normalize(yes))).as(yes).isTrue();
        }
        for (String no : List.of("que puedo hacer si no tengo trabajo", "quiero pagar en cuotas", "what can i do to pay in installments")) {
            assertThat(RepairPhrases.asksOptions(TextMatching.normalize(no))).as(no).isFalse();
        }
        assertThat(RepairPhrases.bareNumber("y en 6")).isEqualTo("6");
        assertThat(RepairPhrases.greetingOnly(TextMatching.normalize("Hola!! buenas tardes"))).isTrue();
        assertThat(RepairPhrases.greetingOnly(TextMatching.normalize("hi there"))).isTrue();
        assertThat(RepairPhrases.greetingOnly(TextMatching.normalize("hola, soy la esposa de Ana"))).isFalse();
        for (String which : List.of("no entiendo nada, que deuda es esta?", "de que es esta deuda", "what is this debt for", "what debt?")) {
            assertThat(RepairPhrases.asksWhichDebt(TextMatching.normalize(which))).as(which).isTrue();
        }
        assertThat(RepairPhrases.asksWhichDebt(TextMatching.normalize("esa deuda no es mia"))).isFalse();
        assertThat(RepairPhrases.bareNumber("mejor 6 cuotas")).isNull();
    }

    @Test
    void twoCloseRequestsAreAChoiceOneClearIntentIsNot() {
        FlowSettings settings = FlowSettings.defaults();
        NluResult close = new NluResult("x", new IntentPrediction("payment_plan", 0.46,
                List.of(new ScoredIntent("payment_plan", 0.46), new ScoredIntent("request_more_time", 0.41)), "es"), List.of(), false);
        assertThat(new NluDecision(close, settings).confident()).isFalse();
        assertThat(new NluDecision(close, settings).closePair()).containsExactly("payment_plan", "request_more_time");
        NluResult clear = new NluResult("x", new IntentPrediction("pay_now", 0.92,
                List.of(new ScoredIntent("pay_now", 0.92), new ScoredIntent("payment_plan", 0.03)), "es"), List.of(), false);
        assertThat(new NluDecision(clear, settings).confident()).isTrue();
        assertThat(new NluDecision(clear, settings).closePair()).isEmpty();
        NluResult smallTalk = new NluResult("x", new IntentPrediction("thanks", 0.5,
                List.of(new ScoredIntent("thanks", 0.5), new ScoredIntent("affirm", 0.45)), "es"), List.of(), false);
        assertThat(new NluDecision(smallTalk, settings).closePair()).isEmpty();
    }
}

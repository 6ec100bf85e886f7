package dev.cobra.nlp.clause;

import dev.cobra.nlp.api.IntentPrediction;
import dev.cobra.nlp.api.Intents;
import dev.cobra.nlp.api.ScoredIntent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NegatedPaymentTest {

    private static IntentPrediction payNow() {
        return new IntentPrediction(Intents.PAY_NOW, 0.99,
                List.of(new ScoredIntent(Intents.PAY_NOW, 0.99), new ScoredIntent(Intents.FINANCIAL_HARDSHIP, 0.01)), "en");
    }

    @ParameterizedTest(name = "\"{0}\" read as pay_now is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            yo bro i cant pay rn, lost my job last month 😔 | financial_hardship
            I can’t pay right now                            | financial_hardship
            im unable to pay this month                      | financial_hardship
            no puedo pagar ahorita                           | financial_hardship
            NO LES PUEDO PAGAR                               | financial_hardship
            no puedo pagar todo de una                       | payment_plan
            i cant pay it all at once                        | payment_plan
            i cant pay until friday                          | request_more_time
            no puedo pagar hasta la quincena                 | request_more_time
            I can pay now                                    | pay_now
            quiero pagar ya, no puedo esperar                | pay_now
            pay now pls                                      | pay_now
            """)
    void aMessageSayingTheDebtorCannotPayIsNeverPayNow(String text, String intent) {
        IntentPrediction corrected = NegatedPayment.correct(text, payNow());
        assertThat(corrected.intent()).isEqualTo(intent);
        assertThat(corrected.ranking().get(0).name()).isEqualTo(intent);
    }

    @ParameterizedTest(name = "\"{0}\" keeps its reading")
    @CsvSource(delimiter = '|', textBlock = """
            no puedo pagar ahorita | payment_plan
            """)
    void otherReadingsAreLeftAlone(String text, String intent) {
        IntentPrediction plan = new IntentPrediction(intent, 0.6, List.of(new ScoredIntent(intent, 0.6)), "es");
        assertThat(NegatedPayment.correct(text, plan)).isSameAs(plan);
    }
}

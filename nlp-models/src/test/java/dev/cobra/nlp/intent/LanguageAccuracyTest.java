package dev.cobra.nlp.intent;

import dev.cobra.nlp.api.IntentPrediction;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageAccuracyTest {

    @Test
    void countsAnOutOfScopeMessageRightWhenItFallsBackAndAWeakRightGuessOnlyInPlainAccuracy() {
        List<LabeledExample> set = List.of(new LabeledExample("pay_now", "strong"),
                new LabeledExample("pay_now", "weak"), new LabeledExample("out_of_scope", "chat"),
                new LabeledExample("ask_balance", "wrong"));
        LanguageAccuracy result = LanguageAccuracy.evaluate("en", (text, locale) -> switch (text) {
            case "strong" -> new IntentPrediction("pay_now", 0.9, List.of(), "en");
            case "weak" -> new IntentPrediction("pay_now", 0.5, List.of(), "en");
            case "chat" -> new IntentPrediction("greet", 0.4, List.of(), "en");
            default -> new IntentPrediction("deny", 0.9, List.of(), "en");
        }, set, 0.65);
        assertThat(result.accuracy()).isEqualTo(0.75);
        assertThat(result.actedOnAccuracy()).isEqualTo(0.5);
        assertThat(result.inScopeFallbackRate()).isEqualTo(1.0 / 3);
        assertThat(result.outOfScopeFallbackRate()).isEqualTo(1.0);
        assertThat(result.errors()).hasSize(2).anyMatch(e -> e.contains("ask_balance -> deny"));
    }
}

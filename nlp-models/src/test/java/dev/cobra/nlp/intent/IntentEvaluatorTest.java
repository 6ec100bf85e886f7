package dev.cobra.nlp.intent;

import dev.cobra.nlp.api.IntentClassifier;
import dev.cobra.nlp.api.IntentPrediction;
import dev.cobra.nlp.api.Intents;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class IntentEvaluatorTest {

    /** Answers from a fixed table: text → (intent, confidence). */
    private static IntentClassifier scripted(Map<String, IntentPrediction> answers) {
        return (text, locale) -> answers.get(text);
    }

    private static IntentPrediction p(String intent, double confidence) {
        return new IntentPrediction(intent, confidence, List.of(), "es");
    }

    @Test
    void computesPrecisionRecallF1AndTheConfusionMatrix() {
        IntentClassifier classifier = scripted(Map.of(
                "a", p(Intents.AFFIRM, 0.9), "b", p(Intents.AFFIRM, 0.9), "c", p(Intents.DENY, 0.9),
                "d", p(Intents.DENY, 0.9)));
        List<LabeledExample> test = List.of(new LabeledExample(Intents.AFFIRM, "a"),
                new LabeledExample(Intents.AFFIRM, "b"), new LabeledExample(Intents.AFFIRM, "c"),
                new LabeledExample(Intents.DENY, "d"));

        EvaluationReport report = IntentEvaluator.evaluate(classifier, test, 0.65);

        EvaluationReport.LabelScore affirm = report.perLabel().get(Intents.AFFIRM);
        assertThat(affirm.precision()).isEqualTo(1.0);
        assertThat(affirm.recall()).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(affirm.f1()).isCloseTo(0.8, within(1e-9));
        EvaluationReport.LabelScore deny = report.perLabel().get(Intents.DENY);
        assertThat(deny.precision()).isEqualTo(0.5);
        assertThat(deny.recall()).isEqualTo(1.0);
        // macro-F1 over the labels that have test examples only: (0.8 + 2/3) / 2
        assertThat(report.macroF1()).isCloseTo((0.8 + 2 / 3.0) / 2, within(1e-9));
        assertThat(report.accuracy()).isEqualTo(0.75);
        assertThat(report.confusion().get(Intents.AFFIRM)).containsEntry(Intents.DENY, 1).containsEntry(Intents.AFFIRM, 2);
        assertThat(report.toMarkdown()).contains("| affirm | 1.000 | 0.667 | 0.800 | 3 |");
        assertThat(report.toJson()).contains("\"macroF1\":0.7333");
    }

    @Test
    void countsLowConfidenceAndOutOfScopeAnswersAsFallback() {
        IntentClassifier classifier = scripted(Map.of(
                "chiste", p(Intents.OUT_OF_SCOPE, 0.9), "clima", p(Intents.GREET, 0.4),
                "ya pague", p(Intents.ALREADY_PAID, 0.5), "cuotas", p(Intents.PAYMENT_PLAN, 0.9)));
        List<LabeledExample> test = List.of(new LabeledExample(Intents.OUT_OF_SCOPE, "chiste"),
                new LabeledExample(Intents.OUT_OF_SCOPE, "clima"),
                new LabeledExample(Intents.ALREADY_PAID, "ya pague"),
                new LabeledExample(Intents.PAYMENT_PLAN, "cuotas"));

        EvaluationReport report = IntentEvaluator.evaluate(classifier, test, 0.65);

        assertThat(report.outOfScopeFallbackRate()).isEqualTo(1.0);
        assertThat(report.fallbackPrecision()).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(report.inScopeFallbackRate()).isEqualTo(0.5);
        assertThat(report.acceptedAccuracy()).isEqualTo(1.0);
    }
}

package dev.cobra.nlp.intent;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OutOfScopeFloorTest {

    private static final int A = 0;
    private static final int B = 1;
    private static final int OUT_OF_SCOPE = 2;

    private final List<double[]> probabilities = new ArrayList<>();
    private final List<Integer> truth = new ArrayList<>();

    private void add(int times, int label, double... p) {
        for (int i = 0; i < times; i++) {
            probabilities.add(p);
            truth.add(label);
        }
    }

    @Test
    void weakGuessesThatAreMostlyChitChatRaiseTheFloorAboveThemAndTheirConfidenceIsTheShareThatWasOutOfScope() {
        add(20, A, 0.90, 0.05, 0.05);
        add(20, B, 0.05, 0.90, 0.05);
        add(10, A, 0.60, 0.30, 0.10); // hesitant but right: must stay above the floor
        add(9, OUT_OF_SCOPE, 0.40, 0.35, 0.25); // chit-chat the model mistakes for A, weakly
        add(1, A, 0.40, 0.35, 0.25); // one weak guess that was right

        IntentModelTrainer.Calibration c = IntentModelTrainer.fitFloor(probabilities, truth, 1.0, OUT_OF_SCOPE, 3);

        assertThat(c.floor()).isEqualTo(0.45); // the lowest grid value between 0.40 and 0.60
        assertThat(c.floorConfidence()).isEqualTo(0.9);
    }

    @Test
    void whenWeakGuessesAreUsuallyRightTheFloorStaysAtZero() {
        add(20, A, 0.90, 0.05, 0.05);
        add(20, B, 0.05, 0.90, 0.05);
        add(10, A, 0.40, 0.35, 0.25); // weak but right
        add(2, OUT_OF_SCOPE, 0.40, 0.35, 0.25);
        add(10, OUT_OF_SCOPE, 0.05, 0.05, 0.90);

        IntentModelTrainer.Calibration c = IntentModelTrainer.fitFloor(probabilities, truth, 1.0, OUT_OF_SCOPE, 3);

        assertThat(c.floor()).isZero();
        assertThat(c.floorConfidence()).isEqualTo(1.0);
    }
}

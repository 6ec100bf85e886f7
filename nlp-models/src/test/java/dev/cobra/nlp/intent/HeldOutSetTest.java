package dev.cobra.nlp.intent;

import dev.cobra.nlp.api.Intents;
import dev.cobra.nlp.text.LanguageDetector;
import dev.cobra.nlp.text.TextNormalizer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The held-out hard sets (nlu/heldout-*.tsv) are a fair test: big enough, in their language, and never the same text
 * as a line the model was trained on (or a line of the other held-out splits), after normalisation.
 */
class HeldOutSetTest {

    private static final TextNormalizer NORMALIZER = new TextNormalizer();

    @ParameterizedTest
    @ValueSource(strings = {"es", "en"})
    void hasAtLeast150InScopeMessagesAndSomeOutOfScopeOnes(String language) {
        List<LabeledExample> set = IntentCorpus.heldOut(language);
        long inScope = set.stream().filter(e -> !e.label().equals(Intents.OUT_OF_SCOPE)).count();
        long outOfScope = set.size() - inScope;
        assertThat(inScope).isGreaterThanOrEqualTo(150);
        assertThat(outOfScope).isGreaterThanOrEqualTo(15);
        assertThat(set.stream().map(LabeledExample::label).distinct()).hasSize(Intents.ALL.size() + 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"es", "en"})
    void noLineNormalisesLikeATrainingLineATestLineOrAnotherHeldOutLine(String language) {
        Set<String> elsewhere = new HashSet<>();
        IntentCorpus.shippedTraining().forEach(e -> elsewhere.add(NORMALIZER.normalize(e.text())));
        IntentCorpus.shippedTest().forEach(e -> elsewhere.add(NORMALIZER.normalize(e.text())));
        for (String other : IntentCorpus.HELD_OUT_LANGUAGES) {
            if (!other.equals(language)) {
                IntentCorpus.heldOut(other).forEach(e -> elsewhere.add(NORMALIZER.normalize(e.text())));
            }
        }
        Map<String, String> seen = new HashMap<>();
        for (LabeledExample e : IntentCorpus.heldOut(language)) {
            String normalised = NORMALIZER.normalize(e.text());
            assertThat(elsewhere).as("held-out line also in training or another split: %s", e.text())
                    .doesNotContain(normalised);
            assertThat(seen.put(normalised, e.text())).as("held-out line twice: %s", e.text()).isNull();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"es", "en"})
    void nearlyEveryLineReadsAsItsLanguage(String language) {
        LanguageDetector detector = new LanguageDetector();
        List<LabeledExample> set = IntentCorpus.heldOut(language);
        String otherHint = language.equals("es") ? "en" : "es"; // ties must not decide it
        long inLanguage = set.stream()
                .filter(e -> detector.detect(NORMALIZER.tokens(e.text()), otherHint).equals(language)).count();
        assertThat((double) inLanguage / set.size()).isGreaterThan(0.8);
    }
}

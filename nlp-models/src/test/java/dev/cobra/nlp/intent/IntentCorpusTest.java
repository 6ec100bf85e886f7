package dev.cobra.nlp.intent;

import dev.cobra.nlp.api.Intents;
import dev.cobra.nlp.text.TextNormalizer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IntentCorpusTest {

    private static List<LabeledExample> read(String text) throws Exception {
        return IntentCorpus.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "test.tsv");
    }

    @Test
    void readsLabelTabTextLinesAndSkipsCommentsAndBlankLines() throws Exception {
        assertThat(read("# comment\n\naffirm\tsí claro\ndeny\t no \n")).containsExactly(
                new LabeledExample("affirm", "sí claro"), new LabeledExample("deny", "no"));
    }

    @Test
    void namesTheLineOfAnUnknownLabelOrAMissingTab() {
        assertThatThrownBy(() -> read("affirm\tsi\nbuy_pizza\tuna pizza\n"))
                .hasMessageContaining("test.tsv:2").hasMessageContaining("buy_pizza");
        assertThatThrownBy(() -> read("affirm si\n")).hasMessageContaining("test.tsv:1");
    }

    @Test
    void theShippedCorpusHasAtLeastFortyTrainingExamplesPerIntentAndNoTestLineThatNormalisesLikeATrainingLine() {
        List<LabeledExample> train = IntentCorpus.shippedTraining();
        Map<String, Long> perLabel = train.stream().collect(Collectors.groupingBy(LabeledExample::label,
                Collectors.counting()));
        for (String intent : Intents.ALL) {
            assertThat(perLabel.getOrDefault(intent, 0L)).as(intent).isGreaterThanOrEqualTo(40);
        }
        assertThat(perLabel).containsKey(Intents.OUT_OF_SCOPE);
        TextNormalizer normalizer = new TextNormalizer();
        Set<String> trainTexts = new HashSet<>();
        train.forEach(e -> trainTexts.add(normalizer.normalize(e.text())));
        assertThat(IntentCorpus.shippedTest()).noneMatch(e -> trainTexts.contains(normalizer.normalize(e.text())));
    }
}

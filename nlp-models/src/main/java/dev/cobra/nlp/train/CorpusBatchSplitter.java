package dev.cobra.nlp.train;

import dev.cobra.nlp.intent.IntentCorpus;
import dev.cobra.nlp.intent.LabeledExample;
import dev.cobra.nlp.text.TextNormalizer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Appends a new corpus batch the way every batch was added: lines that normalise like a line already in
 * either split (or earlier in the batch) are dropped, then every fifth example of each intent, in writing
 * order, goes to the held-out split and the rest to the training split. Run by hand from the module folder:
 * <pre>CorpusBatchSplitter &lt;batch.tsv&gt; &lt;src/main/resources/nlu&gt; "&lt;comment line&gt;"</pre>
 */
public final class CorpusBatchSplitter {

    private CorpusBatchSplitter() {
    }

    public static void main(String[] args) throws IOException {
        Path batch = Path.of(args[0]);
        Path dir = Path.of(args[1]);
        String comment = "# " + args[2];
        TextNormalizer normalizer = new TextNormalizer();
        Set<String> seen = new HashSet<>();
        for (String file : List.of("train.tsv", "test.tsv")) {
            try (InputStream in = Files.newInputStream(dir.resolve(file))) {
                IntentCorpus.read(in, file).forEach(e -> seen.add(normalizer.normalize(e.text())));
            }
        }
        List<LabeledExample> examples;
        try (InputStream in = Files.newInputStream(batch)) {
            examples = IntentCorpus.read(in, batch.toString());
        }
        StringBuilder train = new StringBuilder(comment).append('\n');
        StringBuilder test = new StringBuilder(comment).append('\n');
        Map<String, Integer> perLabel = new HashMap<>();
        int dropped = 0;
        int held = 0;
        int trained = 0;
        for (LabeledExample e : examples) {
            String normalized = normalizer.normalize(e.text());
            if (normalized.isBlank() || !seen.add(normalized)) {
                dropped++;
                System.out.println("dropped (normalises like an existing line): " + e.label() + "\t" + e.text());
                continue;
            }
            int n = perLabel.merge(e.label(), 1, Integer::sum);
            String line = e.label() + "\t" + e.text() + "\n";
            if (n % 5 == 0) {
                test.append(line);
                held++;
            } else {
                train.append(line);
                trained++;
            }
        }
        Files.writeString(dir.resolve("train.tsv"), train, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        Files.writeString(dir.resolve("test.tsv"), test, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        System.out.printf("%d to train.tsv, %d to test.tsv, %d dropped%n", trained, held, dropped);
    }
}

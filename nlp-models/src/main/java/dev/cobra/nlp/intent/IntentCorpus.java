package dev.cobra.nlp.intent;

import dev.cobra.nlp.api.Intents;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads the plain-text corpus files designers edit: one example per line, {@code label<TAB>text};
 * blank lines and lines starting with {@code #} are ignored. The shipped files are on the classpath:
 * {@link #TRAIN_RESOURCE} (training) and {@link #TEST_RESOURCE} (held out, never used for training).
 */
public final class IntentCorpus {

    public static final String TRAIN_RESOURCE = "nlu/train.tsv";
    public static final String TEST_RESOURCE = "nlu/test.tsv";
    /** Held-out hard sets per language, written apart from both splits (docs/nlu.md, "Harder text"). */
    public static final String HELD_OUT_RESOURCE = "nlu/heldout-%s.tsv";
    /** Languages with a held-out hard set. */
    public static final List<String> HELD_OUT_LANGUAGES = List.of("es", "en");

    /** Every label a corpus line may carry: the 16 intents plus {@code out_of_scope}. */
    public static final Set<String> LABELS = Stream.concat(Intents.ALL.stream(), Stream.of(Intents.OUT_OF_SCOPE))
            .collect(Collectors.toUnmodifiableSet());

    private IntentCorpus() {
    }

    public static List<LabeledExample> shippedTraining() {
        return readResource(TRAIN_RESOURCE);
    }

    public static List<LabeledExample> shippedTest() {
        return readResource(TEST_RESOURCE);
    }

    /** The held-out hard set of {@code language} ({@link #HELD_OUT_LANGUAGES}). */
    public static List<LabeledExample> heldOut(String language) {
        return readResource(String.format(HELD_OUT_RESOURCE, language));
    }

    static List<LabeledExample> readResource(String resource) {
        InputStream in = IntentCorpus.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("corpus resource missing from the classpath: " + resource);
        }
        try (in) {
            return read(in, resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param source a name for error messages
     * @throws IllegalArgumentException on a malformed line or an unknown label, naming the line
     */
    public static List<LabeledExample> read(InputStream in, String source) throws IOException {
        List<LabeledExample> examples = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab <= 0 || tab == line.length() - 1) {
                throw new IllegalArgumentException(source + ":" + number + ": expected label<TAB>text");
            }
            String label = line.substring(0, tab).trim();
            String text = line.substring(tab + 1).trim();
            if (!LABELS.contains(label)) {
                throw new IllegalArgumentException(source + ":" + number + ": unknown label '" + label + "'");
            }
            examples.add(new LabeledExample(label, text));
        }
        return examples;
    }
}

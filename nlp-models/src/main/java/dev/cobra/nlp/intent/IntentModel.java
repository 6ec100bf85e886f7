package dev.cobra.nlp.intent;

import opennlp.tools.doccat.DoccatModel;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A trained intent model: the OpenNLP maxent model plus what the classifier needs around it — the
 * calibration temperature, the training vocabulary (to recognise text with no known word as out of scope)
 * and descriptive info (feature set, corpus size, held-out scores). Immutable. Stored as a zip with three
 * entries so the artefact stays inspectable.
 *
 * @param temperature softmax temperature applied to the maxent probabilities ({@code p^(1/T)}, renormalised)
 */
public record IntentModel(DoccatModel doccat, double temperature, Set<String> vocabulary, Map<String, String> info) {

    /** Where the build-time model is packaged on the classpath. */
    public static final String CLASSPATH_LOCATION = "dev/cobra/nlp/model/intent-model.zip";

    /** Info key: best-intent confidence below which the classifier answers out of scope (0 = none). */
    public static final String OUT_OF_SCOPE_FLOOR = "outOfScopeFloor";
    /** Info key: the confidence given to such an out-of-scope answer (out-of-fold share that was out of scope). */
    public static final String OUT_OF_SCOPE_FLOOR_CONFIDENCE = "outOfScopeFloorConfidence";

    private static final String DOCCAT_ENTRY = "doccat.bin";
    private static final String CALIBRATION_ENTRY = "model.properties";
    private static final String VOCABULARY_ENTRY = "vocabulary.txt";

    public IntentModel {
        Objects.requireNonNull(doccat, "doccat");
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("temperature must be > 0");
        }
        vocabulary = Set.copyOf(vocabulary);
        info = Map.copyOf(info);
    }

    /** The out-of-scope floor; 0 for models trained before it existed. */
    public double outOfScopeFloor() {
        return Double.parseDouble(info.getOrDefault(OUT_OF_SCOPE_FLOOR, "0"));
    }

    public double outOfScopeFloorConfidence() {
        return Double.parseDouble(info.getOrDefault(OUT_OF_SCOPE_FLOOR_CONFIDENCE, "1"));
    }

    public IntentModel withInfo(Map<String, String> more) {
        Map<String, String> merged = new LinkedHashMap<>(info);
        merged.putAll(more);
        return new IntentModel(doccat, temperature, vocabulary, merged);
    }

    public void write(OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        zip.putNextEntry(fixedTimeEntry(DOCCAT_ENTRY));
        ByteArrayOutputStream doccatBytes = new ByteArrayOutputStream();
        doccat.serialize(doccatBytes);
        zip.write(doccatBytes.toByteArray());
        zip.closeEntry();

        zip.putNextEntry(fixedTimeEntry(CALIBRATION_ENTRY));
        StringBuilder props = new StringBuilder("temperature=" + temperature + "\n");
        new TreeSet<>(info.keySet()).forEach(k -> props.append(k).append('=').append(info.get(k)).append('\n'));
        zip.write(props.toString().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();

        zip.putNextEntry(fixedTimeEntry(VOCABULARY_ENTRY));
        zip.write(String.join("\n", new TreeSet<>(vocabulary)).getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        zip.finish();
    }

    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(out);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise the intent model", e);
        }
        return out.toByteArray();
    }

    public static IntentModel read(InputStream in) throws IOException {
        ZipInputStream zip = new ZipInputStream(in);
        DoccatModel doccat = null;
        Properties props = new Properties();
        Set<String> vocabulary = Set.of();
        ZipEntry entry;
        while ((entry = zip.getNextEntry()) != null) {
            byte[] bytes = zip.readAllBytes();
            switch (entry.getName()) {
                case DOCCAT_ENTRY -> doccat = new DoccatModel(new ByteArrayInputStream(bytes));
                case CALIBRATION_ENTRY -> props.load(new java.io.StringReader(new String(bytes, StandardCharsets.UTF_8)));
                case VOCABULARY_ENTRY -> vocabulary = Arrays.stream(new String(bytes, StandardCharsets.UTF_8).split("\n"))
                        .filter(s -> !s.isEmpty()).collect(Collectors.toSet());
                default -> {
                    // unknown entries from a newer version are ignored
                }
            }
        }
        if (doccat == null) {
            throw new IOException("not an intent model: no " + DOCCAT_ENTRY);
        }
        double temperature = Double.parseDouble(props.getProperty("temperature", "1.0"));
        Map<String, String> info = new LinkedHashMap<>();
        props.stringPropertyNames().stream().filter(k -> !k.equals("temperature")).sorted()
                .forEach(k -> info.put(k, props.getProperty(k)));
        return new IntentModel(doccat, temperature, vocabulary, info);
    }

    public static IntentModel fromBytes(byte[] bytes) {
        try {
            return read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the intent model", e);
        }
    }

    /** The model packaged at build time. */
    public static IntentModel loadPackaged() {
        InputStream in = IntentModel.class.getClassLoader().getResourceAsStream(CLASSPATH_LOCATION);
        if (in == null) {
            throw new IllegalStateException("packaged intent model missing: " + CLASSPATH_LOCATION
                    + " (it is written by the nlp-models build, phase process-classes)");
        }
        try (in) {
            return read(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the packaged intent model", e);
        }
    }

    private static ZipEntry fixedTimeEntry(String name) {
        ZipEntry e = new ZipEntry(name);
        e.setTime(0L); // reproducible bytes for the same training input
        return e;
    }
}

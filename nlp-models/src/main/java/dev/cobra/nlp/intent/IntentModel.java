package dev.cobra.nlp.intent;

import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.ml.model.MaxentModel;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
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
 * entries (four with a partner model) so the artefact stays inspectable.
 *
 * @param partner     optional second maxent model on the same features (another trainer); its probabilities are
 *                    averaged with the first model's before calibration. {@code null} for a single model
 * @param temperature softmax temperature applied to the (averaged) probabilities ({@code p^(1/T)}, renormalised)
 */
public record IntentModel(DoccatModel doccat, DoccatModel partner, double temperature, Set<String> vocabulary,
                          Map<String, String> info) {

    /** Where the build-time model is packaged on the classpath. */
    public static final String CLASSPATH_LOCATION = "dev/cobra/nlp/model/intent-model.zip";

    /** Info key: best-intent confidence below which the classifier answers out of scope (0 = none). */
    public static final String OUT_OF_SCOPE_FLOOR = "outOfScopeFloor";
    /** Info key: the confidence given to such an out-of-scope answer (out-of-fold share that was out of scope). */
    public static final String OUT_OF_SCOPE_FLOOR_CONFIDENCE = "outOfScopeFloorConfidence";
    /** Info key: the partner model's share of the averaged probabilities. */
    public static final String PARTNER_WEIGHT = "partnerWeight";

    private static final String DOCCAT_ENTRY = "doccat.bin";
    private static final String PARTNER_ENTRY = "doccat-partner.bin";
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

    /** A single-model intent model. */
    public IntentModel(DoccatModel doccat, double temperature, Set<String> vocabulary, Map<String, String> info) {
        this(doccat, null, temperature, vocabulary, info);
    }

    /** The labels, in the order of {@link #categorize(String[], List)}'s usual argument. */
    public List<String> categories() {
        DocumentCategorizerME categorizer = new DocumentCategorizerME(doccat);
        List<String> names = new ArrayList<>(categorizer.getNumberOfCategories());
        for (int i = 0; i < categorizer.getNumberOfCategories(); i++) {
            names.add(categorizer.getCategory(i));
        }
        return List.copyOf(names);
    }

    /** Uncalibrated probabilities of {@code categories}, averaged over the model and its partner. */
    public double[] categorize(String[] tokens, List<String> categories) {
        return categorize(doccat, partner, partnerWeight(), tokens, categories);
    }

    /** The partner's share of the averaged probabilities (0 without a partner; 0.5 if not recorded). */
    public double partnerWeight() {
        return partner == null ? 0 : Double.parseDouble(info.getOrDefault(PARTNER_WEIGHT, "0.5"));
    }

    /**
     * The probabilities of {@code categories} for the tokens: the model's, or the weighted mean of the model's
     * and the partner's. Labels a model does not know score 0 in its share. The features are extracted once, with
     * the model's own generators (the partner is trained on the same features), exactly as OpenNLP's
     * {@code DocumentCategorizerME.categorize} does; the models are immutable and shared.
     */
    static double[] categorize(DoccatModel model, DoccatModel partner, double partnerWeight, String[] tokens,
                               List<String> categories) {
        List<String> features = new ArrayList<>();
        for (FeatureGenerator generator : model.getFactory().getFeatureGenerators()) {
            features.addAll(generator.extractFeatures(tokens, Collections.emptyMap()));
        }
        String[] context = features.toArray(String[]::new);
        double[] out = new double[categories.size()];
        double share = partner == null ? 0 : partnerWeight;
        addWeighted(out, model.getMaxentModel(), context, categories, 1 - share);
        if (partner != null) {
            addWeighted(out, partner.getMaxentModel(), context, categories, share);
        }
        return out;
    }

    private static void addWeighted(double[] out, MaxentModel model, String[] context, List<String> categories,
                                    double weight) {
        double[] p = model.eval(context);
        for (int c = 0; c < p.length; c++) {
            int i = categories.indexOf(model.getOutcome(c));
            if (i >= 0) {
                out[i] += weight * p[c];
            }
        }
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
        return new IntentModel(doccat, partner, temperature, vocabulary, merged);
    }

    public void write(OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        zip.putNextEntry(fixedTimeEntry(DOCCAT_ENTRY));
        ByteArrayOutputStream doccatBytes = new ByteArrayOutputStream();
        doccat.serialize(doccatBytes);
        zip.write(doccatBytes.toByteArray());
        zip.closeEntry();

        if (partner != null) {
            zip.putNextEntry(fixedTimeEntry(PARTNER_ENTRY));
            ByteArrayOutputStream partnerBytes = new ByteArrayOutputStream();
            partner.serialize(partnerBytes);
            zip.write(partnerBytes.toByteArray());
            zip.closeEntry();
        }

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
        DoccatModel partner = null;
        Properties props = new Properties();
        Set<String> vocabulary = Set.of();
        ZipEntry entry;
        while ((entry = zip.getNextEntry()) != null) {
            byte[] bytes = zip.readAllBytes();
            switch (entry.getName()) {
                case DOCCAT_ENTRY -> doccat = new DoccatModel(new ByteArrayInputStream(bytes));
                case PARTNER_ENTRY -> partner = new DoccatModel(new ByteArrayInputStream(bytes));
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
        return new IntentModel(doccat, partner, temperature, vocabulary, info);
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

package dev.cobra.nlp.intent;

import dev.cobra.nlp.text.TextNormalizer;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Trains an {@link IntentModel} from labelled examples. Static factory, as OpenNLP's own
 * {@code DocumentCategorizerME.train}: the trained model is kept apart from the classifier that uses it.
 *
 * <p>Calibration: the maxent probabilities of a model trained and scored on the same examples are
 * over-confident, so the temperature is fitted on out-of-fold predictions (k models, each scoring the fold it
 * did not see), minimising the negative log-likelihood over a fixed grid. A threshold such as 0.65 then
 * means "about two in three such answers are right" on unseen text.
 *
 * <p>Reproducible: fixed parameters, a single training thread, a seeded fold assignment.
 */
public final class IntentModelTrainer {

    private static final TextNormalizer NORMALIZER = new TextNormalizer();

    private IntentModelTrainer() {
    }

    public static IntentModel train(List<LabeledExample> examples, TrainingConfig config) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("no training examples");
        }
        List<DocumentSample> samples = toSamples(examples);
        DoccatModel doccat = trainDoccat(samples, config);
        double temperature = config.folds() > 1 ? fitTemperature(samples, config) : 1.0;
        Set<String> vocabulary = new HashSet<>();
        samples.forEach(s -> Collections.addAll(vocabulary, s.getText()));
        Map<String, String> info = new LinkedHashMap<>();
        info.put("featureSet", config.featureSet().name());
        info.put("algorithm", config.algorithm());
        info.put("examples", Integer.toString(examples.size()));
        return new IntentModel(doccat, temperature, vocabulary, info);
    }

    static List<DocumentSample> toSamples(List<LabeledExample> examples) {
        List<DocumentSample> samples = new ArrayList<>(examples.size());
        for (LabeledExample e : examples) {
            List<String> tokens = NORMALIZER.tokens(e.text());
            if (!tokens.isEmpty()) {
                samples.add(new DocumentSample(e.label(), tokens.toArray(String[]::new)));
            }
        }
        return samples;
    }

    static DoccatModel trainDoccat(List<DocumentSample> samples, TrainingConfig config) {
        TrainingParameters params = new TrainingParameters();
        params.put(TrainingParameters.ALGORITHM_PARAM, config.algorithm());
        params.put(TrainingParameters.ITERATIONS_PARAM, config.iterations());
        params.put(TrainingParameters.CUTOFF_PARAM, config.cutoff());
        params.put(TrainingParameters.THREADS_PARAM, 1);
        if ("MAXENT_QN".equals(config.algorithm())) {
            params.put("L1Cost", 0.0);
            params.put("L2Cost", config.l2());
        }
        params.put("PrintMessages", false);
        try {
            return DocumentCategorizerME.train("mul", ObjectStreamUtils.createObjectStream(samples), params,
                    new DoccatFactory(config.featureSet().generators()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Out-of-fold calibration: returns the temperature minimising the NLL of the true labels. */
    static double fitTemperature(List<DocumentSample> samples, TrainingConfig config) {
        List<DocumentSample> shuffled = new ArrayList<>(samples);
        Collections.shuffle(shuffled, new Random(config.seed()));
        int k = config.folds();
        List<double[]> allProbabilities = new ArrayList<>();
        List<Integer> trueIndex = new ArrayList<>();
        for (int fold = 0; fold < k; fold++) {
            List<DocumentSample> train = new ArrayList<>();
            List<DocumentSample> held = new ArrayList<>();
            for (int i = 0; i < shuffled.size(); i++) {
                (i % k == fold ? held : train).add(shuffled.get(i));
            }
            DocumentCategorizerME categorizer = new DocumentCategorizerME(trainDoccat(train, config));
            for (DocumentSample s : held) {
                int index = categorizer.getIndex(s.getCategory());
                if (index < 0) {
                    continue; // label absent from this fold's training part
                }
                allProbabilities.add(categorizer.categorize(s.getText()));
                trueIndex.add(index);
            }
        }
        double best = 1.0;
        double bestNll = Double.MAX_VALUE;
        for (double t = 0.10; t <= 4.0; t *= 1.05) {
            double nll = 0;
            for (int i = 0; i < allProbabilities.size(); i++) {
                double[] p = scale(allProbabilities.get(i), t);
                nll -= Math.log(Math.max(p[trueIndex.get(i)], 1e-12));
            }
            if (nll < bestNll) {
                bestNll = nll;
                best = t;
            }
        }
        return Math.round(best * 1000) / 1000.0;
    }

    /** {@code p^(1/T)} renormalised; T below 1 sharpens, above 1 softens. */
    static double[] scale(double[] probabilities, double temperature) {
        double[] out = new double[probabilities.length];
        double sum = 0;
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.exp(Math.log(Math.max(probabilities[i], 1e-300)) / temperature);
            sum += out[i];
        }
        for (int i = 0; i < out.length; i++) {
            out[i] /= sum;
        }
        return out;
    }
}

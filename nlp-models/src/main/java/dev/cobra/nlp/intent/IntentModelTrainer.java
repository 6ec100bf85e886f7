package dev.cobra.nlp.intent;

import dev.cobra.nlp.api.Intents;
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
 * means "about two in three such answers are right" on unseen text. The same out-of-fold predictions fix the
 * out-of-scope floor: the confidence below which a best guess is more often chit-chat than the guessed intent
 * (chosen on a fixed grid by out-of-fold macro-F1, out of scope included).
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
        DoccatModel partner = config.hasPartner() ? trainDoccat(samples, partnerConfig(config)) : null;
        Calibration calibration = config.folds() > 1 ? calibrate(samples, config) : Calibration.NONE;
        Set<String> vocabulary = new HashSet<>();
        samples.forEach(s -> Collections.addAll(vocabulary, s.getText()));
        Map<String, String> info = new LinkedHashMap<>();
        info.put("featureSet", config.featureSet().name());
        info.put("algorithm", config.algorithm());
        if (config.hasPartner()) {
            info.put("partnerAlgorithm", config.partnerAlgorithm());
            info.put(IntentModel.PARTNER_WEIGHT, Double.toString(config.partnerWeight()));
        }
        info.put("examples", Integer.toString(examples.size()));
        info.put(IntentModel.OUT_OF_SCOPE_FLOOR, Double.toString(calibration.floor()));
        info.put(IntentModel.OUT_OF_SCOPE_FLOOR_CONFIDENCE, Double.toString(calibration.floorConfidence()));
        return new IntentModel(doccat, partner, calibration.temperature(), vocabulary, info);
    }

    /** The partner model's parameters: the same features, iterations and cutoff, the partner's trainer. */
    static TrainingConfig partnerConfig(TrainingConfig config) {
        return config.withAlgorithm(config.partnerAlgorithm(), config.l2()).withPartner(TrainingConfig.NO_PARTNER, 0);
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

    /**
     * What the out-of-fold predictions say about confidence.
     *
     * @param temperature     the temperature minimising the negative log-likelihood of the true labels
     * @param floor           best-intent confidence below which the answer becomes out of scope: the value on a
     *                        fixed grid (0 to 0.5) that maximises out-of-fold macro-F1, out of scope included
     * @param floorConfidence the share of out-of-fold answers below the floor whose label was out of scope:
     *                        the confidence such an answer is given
     */
    record Calibration(double temperature, double floor, double floorConfidence) {
        static final Calibration NONE = new Calibration(1.0, 0.0, 1.0);
    }

    /** Out-of-fold calibration: k models, each scoring the fold it did not see. */
    static Calibration calibrate(List<DocumentSample> samples, TrainingConfig config) {
        List<DocumentSample> shuffled = new ArrayList<>(samples);
        Collections.shuffle(shuffled, new Random(config.seed()));
        int k = config.folds();
        // one label order for all folds (each fold's model numbers its labels in the order it met them)
        List<String> categories = samples.stream().map(DocumentSample::getCategory).distinct().sorted().toList();
        List<double[]> allProbabilities = new ArrayList<>();
        List<Integer> trueIndex = new ArrayList<>();
        for (int fold = 0; fold < k; fold++) {
            List<DocumentSample> train = new ArrayList<>();
            List<DocumentSample> held = new ArrayList<>();
            for (int i = 0; i < shuffled.size(); i++) {
                (i % k == fold ? held : train).add(shuffled.get(i));
            }
            DoccatModel foldModel = trainDoccat(train, config);
            DoccatModel foldPartner = config.hasPartner() ? trainDoccat(train, partnerConfig(config)) : null;
            DocumentCategorizerME categorizer = new DocumentCategorizerME(foldModel);
            for (DocumentSample s : held) {
                if (categorizer.getIndex(s.getCategory()) < 0) {
                    continue; // label absent from this fold's training part
                }
                allProbabilities.add(IntentModel.categorize(foldModel, foldPartner, config.partnerWeight(),
                        s.getText(), categories));
                trueIndex.add(categories.indexOf(s.getCategory()));
            }
        }
        double temperature = fitTemperature(allProbabilities, trueIndex);
        int outOfScope = categories.indexOf(Intents.OUT_OF_SCOPE);
        if (outOfScope < 0) {
            return new Calibration(temperature, 0.0, 1.0);
        }
        return fitFloor(allProbabilities, trueIndex, temperature, outOfScope, categories.size());
    }

    /**
     * Picks the out-of-scope floor on a fixed grid (0, 0.05 … 0.5) by macro-F1 of the given out-of-fold
     * predictions (the lowest of equally good floors), and the share of answers below it that were out of scope.
     */
    static Calibration fitFloor(List<double[]> allProbabilities, List<Integer> trueIndex, double temperature,
                                int outOfScope, int labels) {
        double bestFloor = 0;
        double bestF1 = -1;
        for (int step = 0; step <= 10; step++) {
            double floor = step * 0.05;
            double f1 = macroF1(allProbabilities, trueIndex, temperature, floor, outOfScope, labels);
            if (f1 > bestF1 + 1e-9) {
                bestF1 = f1;
                bestFloor = floor;
            }
        }
        int below = 0;
        int belowOutOfScope = 0;
        for (int i = 0; i < allProbabilities.size(); i++) {
            double[] p = scale(allProbabilities.get(i), temperature);
            if (p[argMax(p)] < bestFloor) {
                below++;
                belowOutOfScope += trueIndex.get(i) == outOfScope ? 1 : 0;
            }
        }
        double floorConfidence = below == 0 ? 1.0 : Math.round(1000.0 * belowOutOfScope / below) / 1000.0;
        return new Calibration(temperature, Math.round(bestFloor * 100) / 100.0, floorConfidence);
    }

    private static double fitTemperature(List<double[]> allProbabilities, List<Integer> trueIndex) {
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

    /** Macro-F1 over the labels present, when answers below {@code floor} become {@code outOfScope}. */
    private static double macroF1(List<double[]> allProbabilities, List<Integer> trueIndex, double temperature,
                                  double floor, int outOfScope, int labels) {
        int[] truePositives = new int[labels];
        int[] predicted = new int[labels];
        int[] support = new int[labels];
        for (int i = 0; i < allProbabilities.size(); i++) {
            double[] p = scale(allProbabilities.get(i), temperature);
            int best = argMax(p);
            int answer = p[best] < floor ? outOfScope : best;
            int truth = trueIndex.get(i);
            support[truth]++;
            predicted[answer]++;
            truePositives[truth] += answer == truth ? 1 : 0;
        }
        double sum = 0;
        int counted = 0;
        for (int c = 0; c < labels; c++) {
            if (support[c] == 0) {
                continue;
            }
            double precision = predicted[c] == 0 ? 0 : (double) truePositives[c] / predicted[c];
            double recall = (double) truePositives[c] / support[c];
            sum += precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            counted++;
        }
        return counted == 0 ? 0 : sum / counted;
    }

    private static int argMax(double[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return best;
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

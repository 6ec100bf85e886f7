package dev.cobra.nlp.train;

import dev.cobra.nlp.api.IntentPrediction;
import dev.cobra.nlp.api.Intents;
import dev.cobra.nlp.intent.FeatureSet;
import dev.cobra.nlp.intent.IntentCorpus;
import dev.cobra.nlp.intent.IntentModelTrainer;
import dev.cobra.nlp.intent.LabeledExample;
import dev.cobra.nlp.intent.OpenNlpIntentClassifier;
import dev.cobra.nlp.intent.TrainingConfig;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.Random;

/**
 * Prints the training examples that 5-fold cross-validation on the training split gets wrong (expected,
 * predicted, confidence, text), then the out-of-fold macro-F1 if answers under a confidence floor were
 * turned into out of scope. Each fold's model is calibrated like the shipped one. This is what corpus work is guided by: the held-out split is never looked
 * at line by line. Run by hand:
 * <pre>java -cp nlp-models/target/classes:... dev.cobra.nlp.train.CrossValidationErrors [FEATURE_SET]</pre>
 */
public final class CrossValidationErrors {

    private CrossValidationErrors() {
    }

    public static void main(String[] args) {
        List<LabeledExample> shuffled = new ArrayList<>(IntentCorpus.shippedTraining());
        Collections.shuffle(shuffled, new Random(7));
        TrainingConfig config = args.length > 0
                ? TrainingConfig.defaults().withFeatureSet(FeatureSet.valueOf(args[0])) : TrainingConfig.defaults();
        int k = 5;
        int wrong = 0;
        List<String> expected = new ArrayList<>();
        List<IntentPrediction> predicted = new ArrayList<>();
        for (int fold = 0; fold < k; fold++) {
            List<LabeledExample> train = new ArrayList<>();
            List<LabeledExample> held = new ArrayList<>();
            for (int i = 0; i < shuffled.size(); i++) {
                (i % k == fold ? held : train).add(shuffled.get(i));
            }
            OpenNlpIntentClassifier classifier = new OpenNlpIntentClassifier(IntentModelTrainer.train(train, config));
            for (LabeledExample e : held) {
                IntentPrediction p = classifier.classify(e.text(), null);
                expected.add(e.label());
                predicted.add(p);
                if (!p.intent().equals(e.label())) {
                    wrong++;
                    System.out.printf(Locale.ROOT, "%s\t%s\t%.2f\t%s%n", e.label(), p.intent(), p.confidence(), e.text());
                }
            }
        }
        System.out.printf(Locale.ROOT, "# %d of %d wrong out of fold (%s)%n", wrong, shuffled.size(),
                config.featureSet());
        // What if every answer below a confidence floor were out of scope? Scored on the same predictions.
        for (double floor : new double[] {0, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5}) {
            List<String> answers = new ArrayList<>();
            for (IntentPrediction p : predicted) {
                answers.add(p.confidence() < floor ? Intents.OUT_OF_SCOPE : p.intent());
            }
            System.out.printf(Locale.ROOT, "# out-of-scope below %.2f: macro-F1 %.4f%n", floor, macroF1(expected, answers));
        }
    }

    static double macroF1(List<String> expected, List<String> answers) {
        Map<String, int[]> counts = new TreeMap<>(); // label -> {true positives, predicted, support}
        for (int i = 0; i < expected.size(); i++) {
            counts.computeIfAbsent(expected.get(i), l -> new int[3])[2]++;
            counts.computeIfAbsent(answers.get(i), l -> new int[3])[1]++;
            if (expected.get(i).equals(answers.get(i))) {
                counts.get(expected.get(i))[0]++;
            }
        }
        double sum = 0;
        int labels = 0;
        for (int[] c : counts.values()) {
            if (c[2] == 0) {
                continue;
            }
            double precision = c[1] == 0 ? 0 : (double) c[0] / c[1];
            double recall = (double) c[0] / c[2];
            sum += precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            labels++;
        }
        return labels == 0 ? 0 : sum / labels;
    }
}

package dev.cobra.nlp.train;

import dev.cobra.nlp.intent.EvaluationReport;
import dev.cobra.nlp.intent.FeatureSet;
import dev.cobra.nlp.intent.IntentCorpus;
import dev.cobra.nlp.intent.IntentEvaluator;
import dev.cobra.nlp.intent.IntentModelTrainer;
import dev.cobra.nlp.intent.LabeledExample;
import dev.cobra.nlp.intent.OpenNlpIntentClassifier;
import dev.cobra.nlp.intent.TrainingConfig;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Compares feature sets and trainers by 5-fold cross-validation on the training split (the held-out split is
 * printed too, but the choice is made on the cross-validated score so that the test split stays unseen by
 * the selection). Run by hand; results go to docs/nlu.md:
 * <pre>java -cp nlp-models/target/classes:... dev.cobra.nlp.train.FeatureSelection [FEATURE_SET [TRAINER:L2]]</pre>
 * (for example {@code WORD_NGRAMS_STEMS_CHARS_NEGATION MAXENT_QN:0.1} to run one row, or
 * {@code WORD_NGRAMS_STEMS_CHARS_NEGATION_PHRASES MAXENT_QN:0.1+NAIVEBAYES} for the shipped ensemble)
 */
public final class FeatureSelection {

    private FeatureSelection() {
    }

    public static void main(String[] args) {
        List<LabeledExample> train = IntentCorpus.shippedTraining();
        List<LabeledExample> test = IntentCorpus.shippedTest();
        System.out.println("| features | trainer | CV macro-F1 (train, 5 folds) | held-out macro-F1 | held-out ECE |");
        System.out.println("| --- | --- | --- | --- | --- |");
        // L2 1.0 was dropped after it came last for every feature set on the first corpus.
        // the last rows average an L-BFGS model with a partner on the same features (an ensemble of two):
        // {trainer, L2, partner, partner weight}
        String[][] trainers = {{"MAXENT", "0", "", "0"}, {"MAXENT_QN", "0.1", "", "0"}, {"MAXENT_QN", "0.5", "", "0"},
            {"MAXENT_QN", "0.1", "MAXENT", "0.5"}, {"MAXENT_QN", "0.1", "NAIVEBAYES", "0.3"}};
        for (FeatureSet set : FeatureSet.values()) {
            for (String[] trainer : trainers) {
                if (args.length > 0 && !set.name().equals(args[0])
                        || args.length > 1 && !(trainer[0] + ":" + trainer[1]
                        + (trainer[2].isEmpty() ? "" : "+" + trainer[2])).equals(args[1])) {
                    continue;
                }
                TrainingConfig config = TrainingConfig.defaults().withFeatureSet(set)
                        .withAlgorithm(trainer[0], Double.parseDouble(trainer[1])).withPartner(trainer[2], Double.parseDouble(trainer[3]));
                double cv = crossValidate(train, config, 5);
                EvaluationReport held = IntentEvaluator.evaluate(
                        new OpenNlpIntentClassifier(IntentModelTrainer.train(train, config)), test, 0.65);
                System.out.printf(Locale.ROOT, "| %s | %s%s%s | %.4f | %.4f | %.4f |%n", set, trainer[0],
                        trainer[0].equals("MAXENT") ? "" : " L2=" + trainer[1],
                        trainer[2].isEmpty() ? "" : " + " + trainer[3] + " " + trainer[2], cv, held.macroF1(),
                        held.expectedCalibrationError());
            }
        }
    }

    static double crossValidate(List<LabeledExample> examples, TrainingConfig config, int k) {
        List<LabeledExample> shuffled = new ArrayList<>(examples);
        Collections.shuffle(shuffled, new Random(7));
        double sum = 0;
        TrainingConfig noCalibration = config.withFolds(1);
        for (int fold = 0; fold < k; fold++) {
            List<LabeledExample> train = new ArrayList<>();
            List<LabeledExample> held = new ArrayList<>();
            for (int i = 0; i < shuffled.size(); i++) {
                (i % k == fold ? held : train).add(shuffled.get(i));
            }
            sum += IntentEvaluator.evaluate(new OpenNlpIntentClassifier(IntentModelTrainer.train(train, noCalibration)),
                    held, 0.65).macroF1();
        }
        return sum / k;
    }
}

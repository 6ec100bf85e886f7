package dev.cobra.nlp.intent;

import dev.cobra.nlp.api.IntentClassifier;
import dev.cobra.nlp.api.IntentPrediction;
import dev.cobra.nlp.api.Intents;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Scores a classifier on labelled examples it was not trained on. */
public final class IntentEvaluator {

    private IntentEvaluator() {
    }

    /**
     * @param acceptThreshold confidence below which an answer counts as fallback (the runtime's accept threshold)
     */
    public static EvaluationReport evaluate(IntentClassifier classifier, List<LabeledExample> examples,
                                            double acceptThreshold) {
        List<String> labels = new ArrayList<>(Intents.ALL);
        labels.add(Intents.OUT_OF_SCOPE);
        Map<String, Map<String, Integer>> confusion = new LinkedHashMap<>();
        int correct = 0;
        int oos = 0;
        int oosFallback = 0;
        int fallbacks = 0;
        int fallbacksTrulyOos = 0;
        int inScope = 0;
        int inScopeFallback = 0;
        int accepted = 0;
        int acceptedCorrect = 0;
        int bins = 10;
        double[] binConfidence = new double[bins];
        int[] binCorrect = new int[bins];
        int[] binCount = new int[bins];
        for (LabeledExample e : examples) {
            IntentPrediction p = classifier.classify(e.text(), null);
            confusion.computeIfAbsent(e.label(), k -> new LinkedHashMap<>()).merge(p.intent(), 1, Integer::sum);
            boolean right = p.intent().equals(e.label());
            if (right) {
                correct++;
            }
            int bin = Math.min(bins - 1, (int) (p.confidence() * bins));
            binConfidence[bin] += p.confidence();
            binCount[bin]++;
            binCorrect[bin] += right ? 1 : 0;
            boolean fallback = p.isOutOfScope() || p.confidence() < acceptThreshold;
            boolean isOos = Intents.OUT_OF_SCOPE.equals(e.label());
            if (fallback) {
                fallbacks++;
                fallbacksTrulyOos += isOos ? 1 : 0;
            }
            if (isOos) {
                oos++;
                oosFallback += fallback ? 1 : 0;
            } else {
                inScope++;
                if (fallback) {
                    inScopeFallback++;
                } else {
                    accepted++;
                    acceptedCorrect += right ? 1 : 0;
                }
            }
        }
        Map<String, EvaluationReport.LabelScore> perLabel = new LinkedHashMap<>();
        double f1Sum = 0;
        int f1Count = 0;
        for (String label : labels) {
            int tp = confusion.getOrDefault(label, Map.of()).getOrDefault(label, 0);
            int support = confusion.getOrDefault(label, Map.of()).values().stream().mapToInt(Integer::intValue).sum();
            int predicted = confusion.values().stream().mapToInt(row -> row.getOrDefault(label, 0)).sum();
            double precision = predicted == 0 ? 0 : (double) tp / predicted;
            double recall = support == 0 ? 0 : (double) tp / support;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perLabel.put(label, new EvaluationReport.LabelScore(precision, recall, f1, support));
            if (support > 0) {
                f1Sum += f1;
                f1Count++;
            }
        }
        double ece = 0;
        for (int b = 0; b < bins; b++) {
            if (binCount[b] > 0) {
                ece += Math.abs(binConfidence[b] / binCount[b] - (double) binCorrect[b] / binCount[b]) * binCount[b];
            }
        }
        int n = examples.size();
        return new EvaluationReport(labels, perLabel, confusion, f1Count == 0 ? 0 : f1Sum / f1Count,
                n == 0 ? 0 : (double) correct / n, acceptThreshold, ratio(oosFallback, oos),
                ratio(fallbacksTrulyOos, fallbacks), ratio(acceptedCorrect, accepted), ratio(inScopeFallback, inScope),
                n == 0 ? 0 : ece / n, n);
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 0 : (double) a / b;
    }
}

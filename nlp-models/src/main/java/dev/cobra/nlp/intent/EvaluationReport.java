package dev.cobra.nlp.intent;

import dev.cobra.nlp.api.Intents;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scores of a model on held-out examples.
 *
 * @param labels            the labels in report order (the 16 intents, then {@code out_of_scope})
 * @param perLabel          precision / recall / F1 / support per label (argmax prediction)
 * @param confusion         confusion.get(expected).get(predicted) = count
 * @param macroF1           mean F1 over the labels that have test examples
 * @param accuracy          share of examples whose argmax label is right
 * @param acceptThreshold   the confidence below which the runtime answers fallback
 * @param outOfScopeFallbackRate share of out-of-scope examples that come back as fallback
 * @param fallbackPrecision share of fallback answers that were truly out of scope
 * @param acceptedAccuracy  accuracy of the in-scope answers the runtime would act on (not fallback)
 * @param inScopeFallbackRate share of in-scope examples that come back as fallback (they go to clarify/agent)
 * @param expectedCalibrationError mean |confidence - accuracy| over 10 confidence bins, weighted
 */
public record EvaluationReport(List<String> labels, Map<String, LabelScore> perLabel,
                               Map<String, Map<String, Integer>> confusion, double macroF1, double accuracy,
                               double acceptThreshold, double outOfScopeFallbackRate, double fallbackPrecision,
                               double acceptedAccuracy, double inScopeFallbackRate, double expectedCalibrationError,
                               int examples) {

    /** Precision, recall, F1 and number of test examples of one label. */
    public record LabelScore(double precision, double recall, double f1, int support) {
    }

    public String toMarkdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("# Intent model evaluation (held-out split)\n\n");
        sb.append(String.format(Locale.ROOT, "- examples: %d%n- macro-F1: %.4f%n- accuracy: %.4f%n", examples, macroF1,
                accuracy));
        sb.append(String.format(Locale.ROOT, "- expected calibration error (10 bins): %.4f%n", expectedCalibrationError));
        sb.append(String.format(Locale.ROOT, "- fallback threshold: %.2f%n", acceptThreshold));
        sb.append(String.format(Locale.ROOT, "- out-of-scope examples answered fallback: %.4f%n", outOfScopeFallbackRate));
        sb.append(String.format(Locale.ROOT, "- fallback precision (fallbacks that were out of scope): %.4f%n",
                fallbackPrecision));
        sb.append(String.format(Locale.ROOT, "- in-scope examples answered fallback: %.4f%n", inScopeFallbackRate));
        sb.append(String.format(Locale.ROOT, "- accuracy of accepted in-scope answers: %.4f%n%n", acceptedAccuracy));
        sb.append("| intent | precision | recall | F1 | support |\n| --- | --- | --- | --- | --- |\n");
        for (String label : labels) {
            LabelScore s = perLabel.get(label);
            sb.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %d |%n", label, s.precision(), s.recall(),
                    s.f1(), s.support()));
        }
        sb.append("\n## Confusion matrix (rows: expected, columns: predicted)\n\n| |");
        for (String label : labels) {
            sb.append(' ').append(abbreviate(label)).append(" |");
        }
        sb.append("\n|---|");
        labels.forEach(l -> sb.append("---|"));
        sb.append('\n');
        for (String expected : labels) {
            sb.append("| ").append(expected).append(" |");
            for (String predicted : labels) {
                int n = confusion.getOrDefault(expected, Map.of()).getOrDefault(predicted, 0);
                sb.append(' ').append(n == 0 ? "." : Integer.toString(n)).append(" |");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    public String toJson() {
        StringBuilder sb = new StringBuilder("{");
        sb.append(String.format(Locale.ROOT, "\"examples\":%d,\"macroF1\":%.4f,\"accuracy\":%.4f,", examples, macroF1,
                accuracy));
        sb.append(String.format(Locale.ROOT,
                "\"acceptThreshold\":%.2f,\"outOfScopeFallbackRate\":%.4f,\"fallbackPrecision\":%.4f,"
                        + "\"acceptedAccuracy\":%.4f,\"inScopeFallbackRate\":%.4f,\"expectedCalibrationError\":%.4f,",
                acceptThreshold, outOfScopeFallbackRate, fallbackPrecision, acceptedAccuracy, inScopeFallbackRate,
                expectedCalibrationError));
        sb.append("\"perIntent\":{");
        for (int i = 0; i < labels.size(); i++) {
            LabelScore s = perLabel.get(labels.get(i));
            sb.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT,
                    "\"%s\":{\"precision\":%.4f,\"recall\":%.4f,\"f1\":%.4f,\"support\":%d}", labels.get(i),
                    s.precision(), s.recall(), s.f1(), s.support()));
        }
        sb.append("},\"confusion\":{");
        for (int i = 0; i < labels.size(); i++) {
            sb.append(i == 0 ? "" : ",").append('"').append(labels.get(i)).append("\":{");
            Map<String, Integer> row = confusion.getOrDefault(labels.get(i), Map.of());
            int j = 0;
            for (String predicted : labels) {
                int n = row.getOrDefault(predicted, 0);
                if (n > 0) {
                    sb.append(j++ == 0 ? "" : ",").append('"').append(predicted).append("\":").append(n);
                }
            }
            sb.append('}');
        }
        return sb.append("}}").toString();
    }

    private static String abbreviate(String label) {
        if (Intents.OUT_OF_SCOPE.equals(label)) {
            return "oos";
        }
        StringBuilder sb = new StringBuilder();
        for (String part : label.split("_")) {
            sb.append(part, 0, Math.min(3, part.length()));
        }
        return sb.toString();
    }
}

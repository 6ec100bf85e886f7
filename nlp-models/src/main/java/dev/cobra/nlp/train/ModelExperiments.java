package dev.cobra.nlp.train;

import dev.cobra.nlp.intent.CharNGramFeatures;
import dev.cobra.nlp.intent.IntentCorpus;
import dev.cobra.nlp.intent.LabeledExample;
import dev.cobra.nlp.intent.MessageCharNGramFeatures;
import dev.cobra.nlp.intent.NegationFeatures;
import dev.cobra.nlp.intent.StemFeatures;
import dev.cobra.nlp.intent.WordNGramFeatures;
import dev.cobra.nlp.text.TextNormalizer;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Trainer and ensemble comparison by 5-fold cross-validation on the TRAINING split only: each candidate is
 * trained once per fold, its out-of-fold probabilities are kept, and single models and averaged pairs are
 * scored from them (macro-F1 of the arg-max, out of scope counted as a class; no calibration, gate or floor).
 * This is how the shipped ensemble (L-BFGS 0.7 + naive Bayes 0.3) was chosen; docs/nlu.md has the numbers. Run by
 * hand, optionally naming candidates: <pre>ModelExperiments qn-l2-0.1,gis,nb</pre>
 */
public final class ModelExperiments {

    private static final TextNormalizer NORMALIZER = new TextNormalizer();

    private ModelExperiments() {
    }

    record Candidate(String name, String algorithm, double l2, int iterations, int cutoff,
                     List<Supplier<FeatureGenerator>> features) {
    }

    public static void main(String[] args) throws Exception {
        List<Supplier<FeatureGenerator>> base = List.of(WordNGramFeatures::new, StemFeatures::new,
                CharNGramFeatures::new, NegationFeatures::new, MessageCharNGramFeatures::new);
        List<Candidate> candidates = new ArrayList<>();
        candidates.add(new Candidate("qn-l2-0.1", "MAXENT_QN", 0.1, 200, 1, base));
        candidates.add(new Candidate("gis", "MAXENT", 0, 200, 1, base));
        candidates.add(new Candidate("nb", "NAIVEBAYES", 0, 1, 1, base));
        candidates.add(new Candidate("perceptron", "PERCEPTRON", 0, 200, 1, base));
        candidates.add(new Candidate("qn-l2-0.05", "MAXENT_QN", 0.05, 200, 1, base));
        candidates.add(new Candidate("qn-cutoff2", "MAXENT_QN", 0.1, 200, 2, base));
        candidates.add(new Candidate("gis-400", "MAXENT", 0, 400, 1, base));
        candidates.add(new Candidate("gis-100", "MAXENT", 0, 100, 1, base));
        List<String> only = args.length > 0 ? List.of(args[0].split(",")) : List.of();

        List<DocumentSample> samples = new ArrayList<>();
        for (LabeledExample e : IntentCorpus.shippedTraining()) {
            List<String> tokens = NORMALIZER.tokens(e.text());
            if (!tokens.isEmpty()) {
                samples.add(new DocumentSample(e.label(), tokens.toArray(String[]::new)));
            }
        }
        Collections.shuffle(samples, new Random(7));
        List<String> labels = samples.stream().map(DocumentSample::getCategory).distinct().sorted().toList();
        int k = 5;
        Map<String, double[][]> oof = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            if (!only.isEmpty() && !only.contains(c.name())) {
                continue;
            }
            long t0 = System.nanoTime();
            double[][] probs = new double[samples.size()][];
            for (int fold = 0; fold < k; fold++) {
                List<DocumentSample> train = new ArrayList<>();
                for (int i = 0; i < samples.size(); i++) {
                    if (i % k != fold) {
                        train.add(samples.get(i));
                    }
                }
                DocumentCategorizerME cat = new DocumentCategorizerME(train(train, c));
                for (int i = fold; i < samples.size(); i += k) {
                    double[] p = cat.categorize(samples.get(i).getText());
                    double[] out = new double[labels.size()];
                    for (int j = 0; j < p.length; j++) {
                        out[labels.indexOf(cat.getCategory(j))] = p[j];
                    }
                    probs[i] = out;
                }
            }
            oof.put(c.name(), probs);
            System.out.printf(Locale.ROOT, "%-28s CV macro-F1 %.4f  (%d ms)%n", c.name(),
                    macroF1(probs, samples, labels), (System.nanoTime() - t0) / 1_000_000);
        }
        List<String> names = new ArrayList<>(oof.keySet());
        for (int a = 0; a < names.size(); a++) {
            for (int b = a + 1; b < names.size(); b++) {
                for (double w : new double[] {0.5, 0.6, 0.7, 0.8}) {
                    double[][] mix = new double[samples.size()][];
                    double[][] geoMix = new double[samples.size()][];
                    for (int i = 0; i < samples.size(); i++) {
                        double[] pa = oof.get(names.get(a))[i];
                        double[] pb = oof.get(names.get(b))[i];
                        mix[i] = new double[pa.length];
                        for (int j = 0; j < pa.length; j++) {
                            mix[i][j] = w * pa[j] + (1 - w) * pb[j];
                        }
                        double[] geo = new double[pa.length];
                        for (int j = 0; j < pa.length; j++) {
                            geo[j] = w * Math.log(Math.max(pa[j], 1e-300)) + (1 - w) * Math.log(Math.max(pb[j], 1e-300));
                        }
                        geoMix[i] = geo;
                    }
                    System.out.printf(Locale.ROOT, "%.1f*%s + %.1f*%s  CV macro-F1 %.4f%n", w, names.get(a), 1 - w,
                            names.get(b), macroF1(mix, samples, labels));
                    System.out.printf(Locale.ROOT, "%.1f*%s x %.1f*%s  (geometric) CV macro-F1 %.4f%n", w, names.get(a),
                            1 - w, names.get(b), macroF1(geoMix, samples, labels));
                }
            }
        }
    }

    static opennlp.tools.doccat.DoccatModel train(List<DocumentSample> samples, Candidate c) throws Exception {
        TrainingParameters params = new TrainingParameters();
        params.put(TrainingParameters.ALGORITHM_PARAM, c.algorithm());
        params.put(TrainingParameters.ITERATIONS_PARAM, c.iterations());
        params.put(TrainingParameters.CUTOFF_PARAM, c.cutoff());
        params.put(TrainingParameters.THREADS_PARAM, 1);
        if ("MAXENT_QN".equals(c.algorithm())) {
            params.put("L1Cost", 0.0);
            params.put("L2Cost", c.l2());
        }
        params.put("PrintMessages", false);
        return DocumentCategorizerME.train("mul", ObjectStreamUtils.createObjectStream(samples), params,
                new DoccatFactory(c.features().stream().map(Supplier::get).toArray(FeatureGenerator[]::new)));
    }

    static double macroF1(double[][] probs, List<DocumentSample> samples, List<String> labels) {
        int n = labels.size();
        int[] tp = new int[n];
        int[] pred = new int[n];
        int[] sup = new int[n];
        for (int i = 0; i < samples.size(); i++) {
            double[] p = probs[i];
            int best = 0;
            for (int j = 1; j < p.length; j++) {
                if (p[j] > p[best]) {
                    best = j;
                }
            }
            int truth = labels.indexOf(samples.get(i).getCategory());
            sup[truth]++;
            pred[best]++;
            tp[truth] += best == truth ? 1 : 0;
        }
        double sum = 0;
        for (int c = 0; c < n; c++) {
            double pr = pred[c] == 0 ? 0 : (double) tp[c] / pred[c];
            double re = sup[c] == 0 ? 0 : (double) tp[c] / sup[c];
            sum += pr + re == 0 ? 0 : 2 * pr * re / (pr + re);
        }
        return sum / n;
    }
}

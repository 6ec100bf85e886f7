package dev.cobra.nlp.intent;

/**
 * Fixed training parameters, so the same corpus always yields the same model.
 *
 * @param featureSet       which features the model sees
 * @param algorithm        OpenNLP trainer: {@code MAXENT} (GIS) or {@code MAXENT_QN} (L-BFGS with L2)
 * @param iterations       training iterations
 * @param cutoff           minimum count for a feature to be kept
 * @param l2               L2 weight for {@code MAXENT_QN}
 * @param folds            folds of the out-of-fold predictions used to fit the calibration temperature
 * @param seed             seed of the fold assignment
 * @param partnerAlgorithm trainer of a second model on the same features whose probabilities are averaged with
 *                         the first one's (an ensemble of two); empty for a single model
 * @param partnerWeight    the partner's share of the averaged probabilities (0 to 1)
 */
public record TrainingConfig(FeatureSet featureSet, String algorithm, int iterations, int cutoff, double l2, int folds,
                             long seed, String partnerAlgorithm, double partnerWeight) {

    /** No partner model. */
    public static final String NO_PARTNER = "";

    public TrainingConfig {
        partnerAlgorithm = partnerAlgorithm == null ? NO_PARTNER : partnerAlgorithm;
        if (partnerWeight < 0 || partnerWeight > 1) {
            throw new IllegalArgumentException("partnerWeight must be within 0..1");
        }
    }

    /** A single model (no partner). */
    public TrainingConfig(FeatureSet featureSet, String algorithm, int iterations, int cutoff, double l2, int folds,
                          long seed) {
        this(featureSet, algorithm, iterations, cutoff, l2, folds, seed, NO_PARTNER, 0);
    }

    /**
     * The parameters the build uses; chosen by cross-validation on the training split (docs/nlu.md): L-BFGS maxent
     * (L2 0.1) with weight 0.7, averaged with a naive Bayes model on the same features with weight 0.3.
     */
    public static TrainingConfig defaults() {
        return new TrainingConfig(FeatureSet.DEFAULT, "MAXENT_QN", 200, 1, 0.1, 5, 42L, "NAIVEBAYES", 0.3);
    }

    public boolean hasPartner() {
        return !partnerAlgorithm.isEmpty();
    }

    public TrainingConfig withFeatureSet(FeatureSet set) {
        return new TrainingConfig(set, algorithm, iterations, cutoff, l2, folds, seed, partnerAlgorithm, partnerWeight);
    }

    public TrainingConfig withAlgorithm(String alg, double l2Weight) {
        return new TrainingConfig(featureSet, alg, iterations, cutoff, l2Weight, folds, seed, partnerAlgorithm, partnerWeight);
    }

    public TrainingConfig withPartner(String partner, double weight) {
        return new TrainingConfig(featureSet, algorithm, iterations, cutoff, l2, folds, seed, partner,
                partner.isEmpty() ? 0 : weight);
    }

    public TrainingConfig withFolds(int k) {
        return new TrainingConfig(featureSet, algorithm, iterations, cutoff, l2, k, seed, partnerAlgorithm, partnerWeight);
    }
}

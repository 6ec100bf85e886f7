package dev.cobra.nlp.intent;

/**
 * Fixed training parameters, so the same corpus always yields the same model.
 *
 * @param featureSet  which features the model sees
 * @param algorithm   OpenNLP trainer: {@code MAXENT} (GIS) or {@code MAXENT_QN} (L-BFGS with L2)
 * @param iterations  training iterations
 * @param cutoff      minimum count for a feature to be kept
 * @param l2          L2 weight for {@code MAXENT_QN}
 * @param folds       folds of the out-of-fold predictions used to fit the calibration temperature
 * @param seed        seed of the fold assignment
 */
public record TrainingConfig(FeatureSet featureSet, String algorithm, int iterations, int cutoff, double l2, int folds,
                             long seed) {

    /** The parameters the build uses; chosen by measured accuracy (docs/nlu.md). */
    public static TrainingConfig defaults() {
        return new TrainingConfig(FeatureSet.DEFAULT, "MAXENT_QN", 200, 1, 0.1, 5, 42L);
    }

    public TrainingConfig withFeatureSet(FeatureSet set) {
        return new TrainingConfig(set, algorithm, iterations, cutoff, l2, folds, seed);
    }

    public TrainingConfig withAlgorithm(String alg, double l2Weight) {
        return new TrainingConfig(featureSet, alg, iterations, cutoff, l2Weight, folds, seed);
    }
}

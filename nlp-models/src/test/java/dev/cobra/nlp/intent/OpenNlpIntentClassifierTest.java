package dev.cobra.nlp.intent;

import dev.cobra.nlp.api.IntentPrediction;
import dev.cobra.nlp.api.Intents;
import dev.cobra.nlp.api.ScoredIntent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class OpenNlpIntentClassifierTest {

    private static OpenNlpIntentClassifier classifier;

    @BeforeAll
    static void loadThePackagedModel() {
        classifier = new OpenNlpIntentClassifier(IntentModel.loadPackaged());
    }

    @Test
    void classifiesTypicalDebtorMessagesWithConfidence() {
        assertThat(classifier.classify("ya pagué ayer, tengo el comprobante", "es-CO").intent())
                .isEqualTo(Intents.ALREADY_PAID);
        assertThat(classifier.classify("quiero pagar en cuotas", "es-MX").intent()).isEqualTo(Intents.PAYMENT_PLAN);
        assertThat(classifier.classify("no me escriban más", "es").intent()).isEqualTo(Intents.OPT_OUT);
        assertThat(classifier.classify("I lost my job", "en-US").intent()).isEqualTo(Intents.FINANCIAL_HARDSHIP);
    }

    @Test
    void answersOutOfScopeWithFullConfidenceForTextWithNoKnownWord() {
        IntentPrediction p = classifier.classify("zxqwv plonk", "es");
        assertThat(p.intent()).isEqualTo(Intents.OUT_OF_SCOPE);
        assertThat(p.confidence()).isEqualTo(1.0);
        assertThat(classifier.classify("", "es").isOutOfScope()).isTrue();
    }

    @Test
    void ranksEveryLabelBestFirstWithProbabilitiesThatSumToOne() {
        IntentPrediction p = classifier.classify("cuanto debo", "es");
        List<ScoredIntent> ranking = p.ranking();
        assertThat(ranking).hasSize(IntentCorpus.LABELS.size());
        assertThat(ranking.get(0).name()).isEqualTo(p.intent());
        assertThat(ranking).isSortedAccordingTo((a, b) -> Double.compare(b.confidence(), a.confidence()));
        assertThat(ranking.stream().mapToDouble(ScoredIntent::confidence).sum()).isCloseTo(1.0,
                org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void reportsTheDetectedLanguage() {
        assertThat(classifier.classify("quiero hablar con una persona", "en-US").language()).isEqualTo("es");
        assertThat(classifier.classify("I want to talk to a person", "es-CO").language()).isEqualTo("en");
    }

    @Test
    void givesTheSameAnswersFromManyThreadsAtOnce() throws Exception {
        List<String> texts = List.of("ya pague", "cuanto debo", "no me escriban mas", "quiero pagar en cuotas",
                "hola", "gracias", "numero equivocado", "perdi mi trabajo");
        List<IntentPrediction> expected = texts.stream().map(t -> classifier.classify(t, "es")).toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 400; i++) {
                int index = i % texts.size();
                results.add(pool.submit(() -> classifier.classify(texts.get(index), "es").equals(expected.get(index))));
            }
            for (Future<Boolean> f : results) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void trainingTheSameCorpusTwiceGivesTheSameModel() throws Exception {
        List<LabeledExample> small = IntentCorpus.shippedTraining().subList(0, 300);
        TrainingConfig config = TrainingConfig.defaults();
        IntentModel first = IntentModelTrainer.train(small, config);
        IntentModel second = IntentModel.read(new ByteArrayInputStream(IntentModelTrainer.train(small, config).toBytes()));
        assertThat(second.temperature()).isEqualTo(first.temperature());
        // the naive Bayes partner of the ensemble survives the round trip with its weight
        assertThat(second.partner()).isNotNull();
        assertThat(second.partnerWeight()).isEqualTo(config.partnerWeight()).isEqualTo(0.3);
        assertThat(second.vocabulary()).isEqualTo(first.vocabulary()).contains("pagar");
        OpenNlpIntentClassifier a = new OpenNlpIntentClassifier(first);
        OpenNlpIntentClassifier b = new OpenNlpIntentClassifier(second);
        for (LabeledExample e : IntentCorpus.shippedTest()) {
            assertThat(b.classify(e.text(), "es")).isEqualTo(a.classify(e.text(), "es"));
        }
    }

    @Test
    void anUnseenSpellingOfATrainingWordIsClassifiedInsteadOfBeingDismissedAsOutOfScope() {
        List<LabeledExample> corpus = new java.util.ArrayList<>();
        for (String t : List.of("confirmado", "si confirmo", "afirmativo", "de acuerdo", "si claro", "correcto")) {
            corpus.add(new LabeledExample(Intents.AFFIRM, t));
        }
        for (String t : List.of("no", "negativo", "para nada", "no gracias", "nunca", "no quiero")) {
            corpus.add(new LabeledExample(Intents.DENY, t));
        }
        for (String t : List.of("que hora es", "jajaja", "me gusta el futbol", "hace calor", "estoy comiendo")) {
            corpus.add(new LabeledExample(Intents.OUT_OF_SCOPE, t));
        }
        TrainingConfig uncalibrated = new TrainingConfig(FeatureSet.DEFAULT, "MAXENT_QN", 100, 1, 0.1, 1, 42L);
        OpenNlpIntentClassifier small = new OpenNlpIntentClassifier(IntentModelTrainer.train(corpus, uncalibrated));

        // "confirmadisimo" is no training word, but most of its character 4-grams come from "confirmado"
        IntentPrediction unseenSpelling = small.classify("confirmadisimo", "es");
        assertThat(unseenSpelling.ranking()).hasSizeGreaterThan(1);
        assertThat(unseenSpelling.intent()).isEqualTo(Intents.AFFIRM);
        // nothing in "xkcdqz" resembles the training words: out of scope without asking the model
        assertThat(small.classify("xkcdqz", "es").ranking()).hasSize(1);
        assertThat(small.classify("xkcdqz", "es").intent()).isEqualTo(Intents.OUT_OF_SCOPE);
    }

    @Test
    void aBestGuessBelowTheModelsOutOfScopeFloorIsAnsweredAsOutOfScopeWithTheFloorsConfidence() {
        IntentModel packaged = IntentModel.loadPackaged();
        IntentPrediction plain = new OpenNlpIntentClassifier(packaged.withInfo(java.util.Map.of(
                IntentModel.OUT_OF_SCOPE_FLOOR, "0"))).classify("quiero pagar en cuotas", "es");
        assertThat(plain.intent()).isEqualTo(Intents.PAYMENT_PLAN);
        assertThat(plain.confidence()).isLessThan(1.0);

        IntentPrediction floored = new OpenNlpIntentClassifier(packaged.withInfo(java.util.Map.of(
                IntentModel.OUT_OF_SCOPE_FLOOR, "1.0", IntentModel.OUT_OF_SCOPE_FLOOR_CONFIDENCE, "0.44")))
                .classify("quiero pagar en cuotas", "es");
        assertThat(floored.intent()).isEqualTo(Intents.OUT_OF_SCOPE);
        assertThat(floored.confidence()).isEqualTo(0.44);
        assertThat(floored.ranking()).isEqualTo(plain.ranking()); // the weak candidates stay visible
    }

    @Test
    void thePackagedModelCarriesAFloorFittedOutOfFoldWithinTheSearchedRange() {
        IntentModel packaged = IntentModel.loadPackaged();
        assertThat(packaged.outOfScopeFloor()).isBetween(0.0, 0.5);
        assertThat(packaged.outOfScopeFloorConfidence()).isBetween(0.0, 1.0);
    }
}

package dev.cobra.nlp.intent;

import opennlp.tools.doccat.FeatureGenerator;

import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The feature combinations compared by {@link FeatureSelection}; {@link #DEFAULT} is the one that won on
 * measured accuracy (docs/nlu.md lists the numbers).
 */
public enum FeatureSet {

    WORDS(WordUnigramFeatures::new),
    WORD_NGRAMS(WordNGramFeatures::new),
    WORD_NGRAMS_NEGATION(WordNGramFeatures::new, NegationFeatures::new),
    WORDS_CHARS(WordUnigramFeatures::new, CharNGramFeatures::new),
    WORD_NGRAMS_CHARS(WordNGramFeatures::new, CharNGramFeatures::new),
    WORD_NGRAMS_CHARS_NEGATION(WordNGramFeatures::new, CharNGramFeatures::new, NegationFeatures::new),
    WORD_NGRAMS_STEMS_CHARS_NEGATION(WordNGramFeatures::new, StemFeatures::new, CharNGramFeatures::new,
            NegationFeatures::new),
    WORD_NGRAMS_STEMS_NEGATION(WordNGramFeatures::new, StemFeatures::new, NegationFeatures::new),
    WORD_NGRAMS_STEMS_CHARS_NEGATION_PHRASES(WordNGramFeatures::new, StemFeatures::new, CharNGramFeatures::new,
            NegationFeatures::new, MessageCharNGramFeatures::new);

    /** Chosen by measured accuracy; see docs/nlu.md, "Features". */
    public static final FeatureSet DEFAULT = WORD_NGRAMS_STEMS_CHARS_NEGATION_PHRASES;

    private final Supplier<FeatureGenerator>[] generators;

    @SafeVarargs
    FeatureSet(Supplier<FeatureGenerator>... generators) {
        this.generators = generators;
    }

    public FeatureGenerator[] generators() {
        return Stream.of(generators).map(Supplier::get).toArray(FeatureGenerator[]::new);
    }
}

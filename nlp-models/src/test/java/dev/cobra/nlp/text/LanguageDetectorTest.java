package dev.cobra.nlp.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageDetectorTest {

    private final TextNormalizer normalizer = new TextNormalizer();
    private final LanguageDetector detector = new LanguageDetector();

    private String detect(String text, String hint) {
        return detector.detect(normalizer.tokens(text), hint);
    }

    @Test
    void recognisesSpanishAndEnglishSentences() {
        assertThat(detect("no tengo plata para pagar este mes", null)).isEqualTo("es");
        assertThat(detect("I can't pay this month", "es-CO")).isEqualTo("en");
        assertThat(detect("ya pague ayer", "en-US")).isEqualTo("es");
    }

    @Test
    void fallsBackToTheLocaleHintForAmbiguousOneWordAnswers() {
        assertThat(detect("ok", "en-US")).isEqualTo("en");
        assertThat(detect("ok", "es-MX")).isEqualTo("es");
        assertThat(detect("no", null)).isEqualTo("es");
        assertThat(detect("👍", null)).isEqualTo("es");
    }
}

package dev.cobra.nlp.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextNormalizerTest {

    private final TextNormalizer normalizer = new TextNormalizer();

    @Test
    void foldsCaseAccentsAndRepeatedLetters() {
        assertThat(normalizer.normalize("Siiiii, MAÑANA pagoooo!!")).isEqualTo("si manana pago");
    }

    @Test
    void collapsesDoubledLettersSpanishDoesNotWrite() {
        assertThat(normalizer.normalize("sii graciass olaa")).isEqualTo("si gracias ola");
    }

    @Test
    void keepsDoubleLettersThatSpanishUses() {
        assertThat(normalizer.normalize("llamar al correo, leer")).isEqualTo("llamar al correo leer");
    }

    @Test
    void expandsWhatsAppAbbreviations() {
        assertThat(normalizer.normalize("xq no me pasas el link porfa q")).isEqualTo(
                "porque no me pasas el link por favor que");
    }

    @Test
    void turnsMeaningfulEmojiIntoWordsAndDropsTheRest() {
        assertThat(normalizer.normalize("ok 👍🏽 gracias 🙏 🎉")).isEqualTo("ok emo_ok gracias emo_please");
    }

    @Test
    void replacesNumbersWithOneShapeToken() {
        assertThat(normalizer.tokens("les pago el 15 o el 1.200,50")).containsExactly("les", "pago", "el", "<num>", "o",
                "el", "<num>");
    }

    @Test
    void returnsNoTokensForBlankText() {
        assertThat(normalizer.tokens("   ")).isEmpty();
        assertThat(normalizer.tokens(null)).isEmpty();
    }
}

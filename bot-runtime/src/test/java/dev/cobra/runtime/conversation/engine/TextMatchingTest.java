package dev.cobra.runtime.conversation.engine;

import dev.cobra.flow.model.LocalizedText;
import dev.cobra.flow.model.MenuOption;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TextMatchingTest {

    private final List<MenuOption> options = List.of(
            option("pay_now", "Pagar ahora"),
            option("promise", "Pagar en una fecha"),
            option("more_time", "Necesito más tiempo"));

    @Test
    void aSentenceThatContainsOneWholeTitleSelectsThatOption() {
        assertThat(named("Quiero PAGAR en una fecha, porfa").id()).isEqualTo("promise");
        assertThat(named("necesito mas tiempo por favor").id()).isEqualTo("more_time");
    }

    @Test
    void aNegatedSentenceIsLeftToTheClassifier() {
        assertThat(named("no puedo pagar ahora")).isNull();
    }

    @Test
    void aSentenceNamingTwoOptionsIsLeftToTheClassifier() {
        assertThat(named("pagar ahora o necesito mas tiempo")).isNull();
    }

    @Test
    void titlesMustAppearAsWholeWords() {
        assertThat(named("pagar ahorita")).isNull();
    }

    private MenuOption named(String typed) {
        return TextMatching.uniquelyNamedOption(TextMatching.normalize(typed), options, o -> o.title().forLocale("es"));
    }

    private static MenuOption option(String id, String title) {
        return new MenuOption(id, LocalizedText.of(title), null, List.of(), "next");
    }
}

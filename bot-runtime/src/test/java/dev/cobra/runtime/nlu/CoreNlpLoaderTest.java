package dev.cobra.runtime.nlu;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The three loading modes of {@code bot.nlu.corenlp}. */
class CoreNlpLoaderTest {

    private static NluProperties mode(String corenlp) {
        return new NluProperties(0.65, 1, 10, corenlp);
    }

    @Test
    void offAnswersByRulesForGood() {
        CoreNlpLoader loader = new CoreNlpLoader(mode("off"));
        loader.startInBackground();
        assertThat(loader.ready()).isFalse();
        assertThat(loader.analyzer().analyze("no soy ana", "es").analyzer()).isEqualTo("rules");
    }

    @Test
    void backgroundAnswersByRulesUntilTheApplicationIsReadyAndCoreNlpHasLoaded() {
        CoreNlpLoader loader = new CoreNlpLoader(mode("background"));
        assertThat(loader.ready()).isFalse(); // nothing starts before the application is ready
        assertThat(loader.analyzer().analyze("no soy ana", "es").analyzer()).isEqualTo("rules");
        loader.startInBackground();
        loader.whenReady().join();
        assertThat(loader.ready()).isTrue();
        assertThat(loader.analyzer().analyze("no soy ana", "es").analyzer()).isEqualTo("corenlp");
    }

    @Test
    void blockingIsReadyOnceConstructed() {
        CoreNlpLoader loader = new CoreNlpLoader(mode("blocking"));
        assertThat(loader.ready()).isTrue();
    }

    @Test
    void anUnknownModeIsRejected() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> mode("sometimes"))
                .hasMessageContaining("bot.nlu.corenlp");
    }
}

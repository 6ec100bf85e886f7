package dev.cobra.runtime.conversation.engine;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class OptOutKeywordsTest {

    @ParameterizedTest
    @ValueSource(strings = {"BAJA", "baja.", " Stop ", "ALTO", "no me escriban más", "No me escriban mas por favor!!",
            "ya no quiero recibir más mensajes", "dejen de escribirme", "Quiero darme de baja", "stop texting me",
            "y ahora me pueden dejar de escribir? no quiero mas mensajes", "ya dejen de mandarme mensajes", "pls dont text me"})
    void optOutRequestsAreRecognisedWhateverTheirCaseAccentsAndPunctuation(String text) {
        assertThat(OptOutKeywords.matches(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"el monto es muy alto", "bajaron mis ingresos", "no puedo pagar más", "stopped by", "",
            "quiero pagar", "la tasa está alta"})
    void ordinaryMessagesThatMerelyContainAKeywordAreNotOptOuts(String text) {
        assertThat(OptOutKeywords.matches(text)).isFalse();
    }
}

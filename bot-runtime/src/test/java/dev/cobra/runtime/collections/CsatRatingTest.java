package dev.cobra.runtime.collections;

import dev.cobra.runtime.conversation.engine.TurnInput;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How debtors answer "del 1 al 5": digits, stars, thumbs, words, typos and no accents; anything else is no rating. */
class CsatRatingTest {

    private static Integer score(String text) {
        CsatSurvey.Rating rating = CsatSurvey.rating(TurnInput.text(text));
        return rating == null ? null : rating.score();
    }

    @Test
    void ratingsAsDebtorsTypeThem() {
        assertThat(score("5")).isEqualTo(5);
        assertThat(score("le doy un 4")).isEqualTo(4);
        assertThat(score("3/5")).isEqualTo(3);
        assertThat(score("1 de 5")).isEqualTo(1);
        assertThat(score("👍")).isEqualTo(5);
        assertThat(score("👎👎")).isEqualTo(1);
        assertThat(score("Excelente!!")).isEqualTo(5);
        assertThat(score("muy bien gracias")).isEqualTo(5);
        assertThat(score("pesimo")).isEqualTo(1);
        assertThat(score("péSimo")).isEqualTo(1);
        assertThat(CsatSurvey.rating(TurnInput.option(CsatSurvey.DOWN)).positive()).isFalse();
        assertThat(CsatSurvey.rating(TurnInput.option(CsatSurvey.UP)).positive()).isTrue();
    }

    @Test
    void otherMessagesAreNotRatings() {
        assertThat(score("el 15 te pago")).isNull();
        assertThat(score("gracias")).isNull();
        assertThat(score("ok gracias")).isNull();
        assertThat(score("Ok")).isNull();
        assertThat(score("quiero hablar con alguien")).isNull();
        assertThat(score("9")).isNull();
        assertThat(score("no muy bien la verdad, me cobraron de más")).isNull();
        assertThat(score("idk maybe in like 3 weeks?")).isNull();
        assertThat(score("en 2 cuotas")).isNull();
        assertThat(score("le pago el 5")).isNull();
        assertThat(score("dame 4 dias mas")).isNull();
        assertThat(score("3 mil")).isNull();
    }
}

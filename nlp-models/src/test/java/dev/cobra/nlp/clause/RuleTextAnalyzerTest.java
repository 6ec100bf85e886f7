package dev.cobra.nlp.clause;

import dev.cobra.nlp.api.Clause;
import dev.cobra.nlp.api.Entity;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RuleTextAnalyzerTest {

    private final RuleTextAnalyzer rules = new RuleTextAnalyzer();

    private List<String> clauses(String text) {
        return rules.analyze(text, "es").clauses().stream().map(Clause::text).toList();
    }

    private List<Object> names(String text) {
        return rules.analyze(text, "es").persons().stream().map(Entity::value).toList();
    }

    @Test
    void cutsAtPunctuationAndJoiningWordsAndKeepsShortPiecesWithTheirNeighbour() {
        assertThat(clauses("me quedé sin trabajo pero el viernes le pago 200 mil"))
                .containsExactly("me quedé sin trabajo", "pero el viernes le pago 200 mil");
        assertThat(clauses("hola, quiero pagar hoy")).containsExactly("hola, quiero pagar hoy");
        assertThat(clauses("i lost my job last month but i can pay on the 15th so pls wait"))
                .containsExactly("i lost my job last month", "but i can pay on the 15th", "so pls wait");
    }

    @Test
    void clauseOffsetsPointAtTheOriginalText() {
        String text = "no soy Ana, soy su hermana";
        for (Clause c : rules.analyze(text, "es").clauses()) {
            assertThat(text.substring(c.start(), c.end())).isEqualTo(c.text());
        }
    }

    @Test
    void findsNamesAfterTheirCuesInAnyCaseButNotDescriptions() {
        assertThat(names("no soy Ana, soy su hermana")).containsExactly("Ana");
        assertThat(names("no soy ana soy la hermana")).containsExactly("Ana");
        assertThat(names("habla la vecina, la señora Rosa ya no vive aquí")).isEmpty();
        assertThat(names("me llamo luis fernando y no conozco a esa persona")).containsExactly("Luis");
        assertThat(names("soy la hermana de María José")).containsExactly("María José");
        assertThat(names("im not john, this is his sister")).containsExactly("John");
        assertThat(names("no soy el titular")).isEmpty();
        assertThat(names("soy desempleado y no tengo plata")).isEmpty();
        assertThat(names("i am broke, im not able to pay")).isEmpty();
        assertThat(names("NO SOY RESPONSABLE DE ESO")).isEmpty();
    }

    @Test
    void aNameEntityCarriesItsSpan() {
        Entity ana = rules.analyze("no soy ana", "es").persons().get(0);
        assertThat(ana.entity()).isEqualTo(Entity.PERSON);
        assertThat(ana.start()).isEqualTo(7);
        assertThat(ana.end()).isEqualTo(10);
        assertThat(ana.text()).isEqualTo("ana");
        assertThat(ana.value()).isEqualTo("Ana");
    }
}

package dev.cobra.nlp.corenlp;

import dev.cobra.nlp.api.Clause;
import dev.cobra.nlp.api.Entity;
import dev.cobra.nlp.api.TextAnalysis;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The real Spanish pipeline, loaded once for the JVM from the model files the build packages (and only those). */
class CoreNlpAnalyzerTest {

    private static CoreNlpAnalyzer coreNlp;

    @BeforeAll
    static void load() {
        coreNlp = CoreNlpAnalyzer.shared().join();
    }

    @Test
    void loadsFromThePackagedModelFilesAloneNotTheWholeModelsJar() {
        ClassLoader cl = CoreNlpAnalyzer.class.getClassLoader();
        for (String file : CoreNlpAnalyzer.MODEL_FILES) {
            assertThat(cl.getResource(file)).as(file).isNotNull();
        }
        // files of the models jar the pipeline does not load are not on the class path
        assertThat(cl.getResource("edu/stanford/nlp/models/srparser/spanishSR.beam.ser.gz")).isNull();
        assertThat(cl.getResource("edu/stanford/nlp/models/ner/spanish.kbp.ancora.distsim.s512.crf.ser.gz")).isNull();
        assertThat(cl.getResource("StanfordCoreNLP-spanish.properties")).isNull();
    }

    @Test
    void cutsAVoiceLikeRunOnIntoContextAndRequest() {
        String text = "mire le cuento que me quedé sin trabajo pero para el viernes le puedo pagar unos 200 mil";
        TextAnalysis analysis = coreNlp.analyze(text, "es");
        assertThat(analysis.analyzer()).isEqualTo(CoreNlpAnalyzer.NAME);
        List<String> clauses = analysis.clauses().stream().map(Clause::text).toList();
        assertThat(clauses).hasSizeGreaterThanOrEqualTo(2);
        assertThat(clauses.get(clauses.size() - 1)).startsWith("pero para el viernes");
        for (Clause c : analysis.clauses()) {
            assertThat(text.substring(c.start(), c.end())).isEqualTo(c.text());
        }
    }

    @Test
    void theParserCutsARunOnWithoutPunctuationOrJoiningWords() {
        // no comma, no "pero": only the parse sees two predicates here
        String text = "buenas tardes disculpe la molestia yo estaba esperando la quincena quería saber si me pueden dar plazo hasta el 30";
        assertThat(coreNlp.analyze(text, "es").clauses()).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void findsPersonMentionsTheNerModelKnowsWithoutAnyCue() {
        List<Entity> persons = coreNlp.analyze("Carlos Pérez ya no vive en esta casa desde hace años", "es").persons();
        assertThat(persons).extracting(Entity::value).contains("Carlos Pérez");
        assertThat(persons).allMatch(p -> p.entity().equals(Entity.PERSON));
    }

    @Test
    void keepsTheCueNamesTooAndLeavesEnglishToTheRules() {
        assertThat(coreNlp.analyze("no soy Ana, soy su hermana", "es").persons()).extracting(Entity::value)
                .containsExactly("Ana");
        TextAnalysis english = coreNlp.analyze("im not john, this is his sister", "en");
        assertThat(english.analyzer()).isEqualTo("rules");
        assertThat(english.persons()).extracting(Entity::value).containsExactly("John");
    }
}

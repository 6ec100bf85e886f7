package dev.cobra.nlp.clause;

import dev.cobra.nlp.api.Entity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PersonCuesTest {

    private final PersonCues cues = new PersonCues();

    @ParameterizedTest(name = "\"{0}\": {1} is someone else = {2}")
    @CsvSource(delimiter = '|', textBlock = """
            hola soy la esposa de valentina, ella no esta ahorita | Valentina | true
            no soy Ana, soy su hermana                            | Ana       | true
            Ana no está, yo soy su mamá                           | Ana       | true
            this is Ana's sister                                  | Ana's     | true
            i'm not John                                          | John      | true
            le escribo de parte de Rosa                           | Rosa      | true
            Carlos ya no vive aqui                                | Carlos    | true
            hola soy Ana                                          | Ana       | false
            buenas, me llamo Ana María                            | Ana María | false
            habla Marta                                           | Marta     | false
            this is Mike                                          | Mike      | false
            """)
    void tellsANameIntroducedAsAnotherPersonFromTheWritersOwn(String text, String name, boolean someoneElse) {
        // The span as an analyzer reports it (the cues here, CoreNLP's NER for a name opening the message).
        int start = text.toLowerCase(java.util.Locale.ROOT).indexOf(name.toLowerCase(java.util.Locale.ROOT));
        Entity person = new Entity(Entity.PERSON, name, start, start + name.length(), text.substring(start, start + name.length()), null);
        assertThat(PersonCues.namesSomeoneElse(text, person)).isEqualTo(someoneElse);
    }

    @ParameterizedTest(name = "the cues find {1} in \"{0}\"")
    @CsvSource(delimiter = '|', textBlock = """
            hola soy la esposa de valentina, ella no esta ahorita | Valentina
            this is Ana's sister                                  | Ana's
            le escribo de parte de Rosa                           | Rosa
            """)
    void theCuesFindTheNameInLowerCaseToo(String text, String name) {
        assertThat(cues.find(text)).extracting(Entity::value).contains(name);
    }
}

package dev.cobra.runtime.simulator;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A conversation test of a flow, in the transcript format of the runtime's transcript tests
 * (docs/flow-language.md): an optional {@code today}, a sample debtor ({@code daysPastDue}, {@code locale},
 * {@code channel}) and turns; each turn says a text or picks an option (none: the opening turn), then checks what
 * the bot said and where the conversation is.
 */
public record ConversationTest(String description, LocalDate today, SampleDebtorSpec debtor, List<Turn> turns) {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()).findAndRegisterModules()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    public record SampleDebtorSpec(Integer daysPastDue, String locale, String channel) {
    }

    public record Turn(String say, String option, BotCheck bot, Map<String, Object> expect) {
    }

    public record BotCheck(List<String> contains, List<String> notContains, List<String> options) {
    }

    public ConversationTest {
        turns = turns == null ? List.of() : List.copyOf(turns);
    }

    /** @throws IllegalArgumentException with a readable reason when the text is not a transcript */
    public static ConversationTest parse(String yaml) {
        try {
            ConversationTest test = YAML.readValue(yaml, ConversationTest.class);
            if (test == null || test.turns().isEmpty()) {
                throw new IllegalArgumentException("A conversation test needs at least one turn");
            }
            for (Turn turn : test.turns()) {
                if (turn.say() != null && turn.option() != null) {
                    throw new IllegalArgumentException("A turn either says a text or picks an option, not both");
                }
            }
            return test;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("Not a conversation test: " + e.getOriginalMessage());
        }
    }

    SampleDebtor sample() {
        SampleDebtorSpec spec = debtor == null ? new SampleDebtorSpec(null, null, null) : debtor;
        return new SampleDebtor(spec.daysPastDue() == null ? 10 : spec.daysPastDue(), spec.locale(), spec.channel());
    }
}

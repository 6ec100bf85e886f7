package dev.cobra.flow.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.cobra.flow.shipped.ShippedFlow;
import dev.cobra.flow.shipped.ShippedFlows;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.InputStream;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** flow.schema.json is what editors use: every shipped flow must satisfy it, and it must catch typical mistakes. */
class FlowSchemaTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() throws Exception {
        try (InputStream in = FlowSchemaTest.class.getClassLoader().getResourceAsStream("flow.schema.json")) {
            assertThat(in).as("flow.schema.json on the classpath").isNotNull();
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    private static Set<ValidationMessage> validate(String yaml) throws Exception {
        JsonNode node = YAML.readTree(yaml);
        return schema.validate(node);
    }

    @TestFactory
    Stream<DynamicTest> everyShippedFlowSatisfiesTheSchema() {
        return ShippedFlows.all().stream().map((ShippedFlow shipped) -> DynamicTest.dynamicTest(shipped.id(),
                () -> assertThat(validate(shipped.yaml())).as("schema errors of %s", shipped.id()).isEmpty()));
    }

    @Test
    void anUnknownStepTypeIsRejected() throws Exception {
        assertThat(validate("id: t\nentry: a\nsteps:\n  a: {type: teleport}\n")).isNotEmpty();
    }

    @Test
    void aMisspeltFieldIsRejected() throws Exception {
        assertThat(validate("id: t\nentry: a\nsteps:\n  a: {type: message, txt: hola, next: a}\n"))
                .extracting(ValidationMessage::getMessage).anyMatch(m -> m.contains("txt"));
    }

    @Test
    void aMenuWithMoreThanTenOptionsIsRejected() throws Exception {
        StringBuilder yaml = new StringBuilder("id: t\nentry: m\nsteps:\n  m:\n    type: menu\n    text: Elige\n    options:\n");
        for (int i = 0; i < 11; i++) {
            yaml.append("      - {id: o").append(i).append(", title: O, next: m}\n");
        }
        assertThat(validate(yaml.toString())).isNotEmpty();
    }

    @Test
    void anUnknownDispositionAndAMissingActionParamAreRejected() throws Exception {
        assertThat(validate("id: t\nentry: e\nsteps:\n  e: {type: end, disposition: HAPPY}\n")).isNotEmpty();
        assertThat(validate("id: t\nentry: a\nsteps:\n  a: {type: action, action: record_promise, params: {date: d}, next: a}\n"))
                .isNotEmpty();
    }

    @Test
    void aMinimalFlowPasses() throws Exception {
        assertThat(validate("id: t\nentry: e\nsteps:\n  e: {type: end, text: Adiós}\n")).isEmpty();
    }

    @Test
    void aWindowTemplateAndMediaAreDescribedByTheSchema() throws Exception {
        assertThat(validate("id: t\nentry: a\nwhatsapp:\n  windowTemplate: {name: cobro_seguimiento, language: es,"
                + " parameters: [\"{{debtor.firstName}}\"]}\nsteps:\n  a: {type: message, media: {type: document,"
                + " url: /files/a.pdf, filename: a.pdf, caption: {es: Hola, en: Hi}}, next: a}\n")).isEmpty();
        assertThat(validate("id: t\nentry: a\nwhatsapp: {windowTemplate: {name: Bad Name}}\nsteps:\n  a: {type: end}\n"))
                .isNotEmpty();
        assertThat(validate("id: t\nentry: a\nsteps:\n  a: {type: message, media: {type: video, url: /v.mp4}, next: a}\n"))
                .isNotEmpty();
        assertThat(validate("id: t\nentry: a\nsteps:\n  a: {type: message, media: {type: image, url: \"javascript:x\"}, next: a}\n"))
                .isNotEmpty();
        assertThat(validate("id: t\nentry: a\nsteps:\n  a: {type: message, next: a}\n")).as("text or media").isNotEmpty();
    }
}

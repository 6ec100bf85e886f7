package dev.cobra.flow.read;

import dev.cobra.flow.model.Flow;
import dev.cobra.flow.model.MenuStep;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FlowReaderTest {

    private final FlowReader reader = new FlowReader();

    @Test
    void stepIdsComeFromTheMapKeysInDeclarationOrder() {
        Flow flow = reader.read("demo", """
                id: demo
                title: Demo
                entry: hello
                steps:
                  hello:
                    type: menu
                    text: {es: "Hola", en: "Hi"}
                    options:
                      - {id: pay, title: "Pagar", next: bye}
                  bye:
                    type: end
                    disposition: PAID
                    text: "Gracias"
                """);
        assertThat(flow.steps().keySet()).containsExactly("hello", "bye");
        MenuStep hello = (MenuStep) flow.step("hello").orElseThrow();
        assertThat(hello.id()).isEqualTo("hello");
        assertThat(hello.text().forLocale("en-US")).isEqualTo("Hi");
        assertThat(hello.options().get(0).next()).isEqualTo("bye");
    }

    @Test
    void anUnknownStepTypeNamesTheFlowAndTheStep() {
        assertThatThrownBy(() -> reader.read("demo", """
                id: demo
                entry: a
                steps:
                  a: {type: teleport}
                """))
                .isInstanceOfSatisfying(FlowParseException.class, e -> {
                    assertThat(e.flowId()).isEqualTo("demo");
                    assertThat(e.stepId()).isEqualTo("a");
                });
    }

    @Test
    void brokenYamlGivesALineNumber() {
        assertThatThrownBy(() -> reader.read("demo", "id: demo\nsteps: [\n"))
                .isInstanceOf(FlowParseException.class)
                .hasMessageContaining("line");
    }
}

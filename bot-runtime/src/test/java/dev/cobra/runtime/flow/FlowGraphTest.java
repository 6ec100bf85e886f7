package dev.cobra.runtime.flow;

import dev.cobra.flow.read.FlowReader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FlowGraphTest {

    @Test
    void everyStepIsANodeAndEveryTransitionALabelledEdge() {
        FlowGraph graph = FlowGraph.of(new FlowReader().read("g", """
                id: g
                entry: menu
                globalRoutes: {talk_to_agent: agent}
                steps:
                  menu:
                    type: menu
                    text: {es: "Elige una opción", en: "Pick one"}
                    options:
                      - {id: pay, title: {es: "Pagar", en: "Pay"}, next: call}
                    intents: {payment_plan: agent}
                  call: {type: subflow, flow: promise_to_pay, next: check}
                  check:
                    type: condition
                    branches: [{when: "verified == true", next: agent}]
                    otherwise: menu
                  agent: {type: handoff, queue: general}
                """));
        assertThat(graph.entry()).isEqualTo("menu");
        assertThat(graph.nodes()).extracting(FlowGraph.Node::id, FlowGraph.Node::type, FlowGraph.Node::label, FlowGraph.Node::entry)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("menu", "menu", "Elige una opción", true),
                        org.assertj.core.groups.Tuple.tuple("call", "subflow", "↪ promise_to_pay", false),
                        org.assertj.core.groups.Tuple.tuple("check", "condition", "verified == true", false),
                        org.assertj.core.groups.Tuple.tuple("agent", "handoff", "→ general", false));
        assertThat(graph.nodes().get(1).flow()).isEqualTo("promise_to_pay");
        assertThat(graph.edges()).containsExactly(
                new FlowGraph.Edge("menu", "call", "option:pay", "Pagar"),
                new FlowGraph.Edge("menu", "agent", "intent:payment_plan", "payment_plan"),
                new FlowGraph.Edge("call", "check", "return", "↩ promise_to_pay"),
                new FlowGraph.Edge("check", "agent", "branch:0", "verified == true"),
                new FlowGraph.Edge("check", "menu", "else", "else"));
        assertThat(graph.globalRoutes()).containsExactly(new FlowGraph.GlobalRoute("talk_to_agent", "agent"));
    }

    @Test
    void longTextsAreShortenedOnNodes() {
        FlowGraph graph = FlowGraph.of(new FlowReader().read("g",
                "id: g\nentry: a\nsteps:\n  a: {type: end, text: \"" + "x".repeat(200) + "\"}\n"));
        assertThat(graph.nodes().get(0).label()).hasSize(FlowGraph.LABEL_LENGTH).endsWith("…");
    }
}
